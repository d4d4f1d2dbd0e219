"""Every model, imported in one place for Alembic and the shell."""

from app.accounts.models import PlatformRole, User  # noqa: F401
from app.catalog.banners import MallBanner, StoreBanner  # noqa: F401
from app.catalog.import_runs import ImportRun  # noqa: F401
from app.catalog.models import (  # noqa: F401
    Brand,
    Category,
    CategoryTranslation,
    Product,
    StockMovement,
    StoreCategory,
    Variant,
)
from app.i18n.models import Currency, ExchangeRate  # noqa: F401
from app.jobs.models import PeriodicJob  # noqa: F401
from app.search.models import ReindexRun  # noqa: F401
from app.tenancy.models import (  # noqa: F401
    Domain,
    DomainState,
    Invitation,
    Membership,
    Role,
    Store,
    StoreEvent,
    StoreStatus,
    StoreType,
)
