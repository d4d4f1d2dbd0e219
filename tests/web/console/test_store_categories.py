"""Which categories a store may sell in: the merchant applies in the console,
the platform approves or rejects with a reason, and nothing crosses stores."""

import pytest
from sqlalchemy import func, select

from app.accounts.models import PlatformRole
from app.catalog import services as catalog
from app.catalog.models import ApplicationState, StoreCategory
from app.extensions import db
from app.tenancy.models import Role
from app.tenancy.scope import all_stores, store_scope
from tests.conftest import sign_in
from tests.factories import add_member, make_store, make_user


@pytest.fixture
def setup(client_for):
    categories = {slug: catalog.save_category(None, name=slug.title(), slug=slug, parent_id=None,
                                              commission_self=None, commission_third=None)
                  for slug in ("fashion", "beauty", "audio")}
    db.session.commit()
    alpha, bravo = make_store("alpha", name="Alpha"), make_store("bravo", name="Bravo")
    owner, staff, other = make_user("owner@example.com"), make_user("staff@example.com"), make_user("b@example.com")
    add_member(alpha, owner, Role.OWNER)
    add_member(alpha, staff, Role.STAFF)
    add_member(bravo, other, Role.OWNER)
    console = client_for("merchant.localhost")
    sign_in(console, owner.email)
    ops = client_for("admin.localhost")
    sign_in(ops, make_user("ops@example.com", platform_role=PlatformRole.OPERATIONS).email)
    return {"categories": categories, "alpha": alpha, "bravo": bravo, "console": console, "ops": ops,
            "staff": staff, "other": other}


def _applications():
    with all_stores():
        return {(a.store_id, a.category_id): a.state for a in db.session.scalars(select(StoreCategory))}


def test_apply_approve_and_reject_with_reason(setup):
    console, ops, cats, alpha = setup["console"], setup["ops"], setup["categories"], setup["alpha"]
    for slug in ("fashion", "beauty"):
        response = console.submit("/alpha/categories/apply", {"category_id": str(cats[slug].id), "note": "We sell it"},
                                  form_page="/alpha/categories")
        assert response.status_code == 303
    assert "Waiting for review" in console.get("/alpha/categories").get_data(as_text=True)

    queue = ops.get("/catalog/applications").get_data(as_text=True)
    assert "Alpha" in queue and "We sell it" in queue
    with store_scope(alpha.id):
        fashion_id, beauty_id = (db.session.scalar(select(StoreCategory.id).where(StoreCategory.category_id == cats[s].id))
                                 for s in ("fashion", "beauty"))
    assert ops.submit(f"/catalog/applications/{fashion_id}", {f"a{fashion_id}-decision": "approve",
                                                                   f"a{fashion_id}-reason": ""},
                      form_page="/catalog/applications").status_code == 303
    response = ops.submit(f"/catalog/applications/{beauty_id}", {f"a{beauty_id}-decision": "reject",
                                                                     f"a{beauty_id}-reason": ""},
                          form_page="/catalog/applications")
    assert response.status_code == 422
    assert "Give a reason" in response.get_data(as_text=True)
    assert ops.submit(f"/catalog/applications/{beauty_id}", {f"a{beauty_id}-decision": "reject",
                                                                 f"a{beauty_id}-reason": "Licence needed"},
                      form_page="/catalog/applications").status_code == 303

    page = console.get("/alpha/categories").get_data(as_text=True)
    assert "Approved" in page and "Rejected" in page and "Licence needed" in page
    with store_scope(alpha.id):
        assert catalog.approved_category_ids() == {cats["fashion"].id}

    # A rejected category can be applied for again; an approved one cannot.
    assert console.submit("/alpha/categories/apply", {"category_id": str(cats["beauty"].id), "note": ""},
                          form_page="/alpha/categories").status_code == 303
    assert _applications()[(alpha.id, cats["beauty"].id)] == ApplicationState.PENDING


def test_bad_applications_change_nothing(setup):
    console, cats, alpha = setup["console"], setup["categories"], setup["alpha"]
    with store_scope(alpha.id):
        catalog.apply_for_category(store_id=alpha.id, category_id=cats["fashion"].id, note=None, actor_id=None)
        db.session.commit()
    before = _applications()
    for data in ({"category_id": str(cats["fashion"].id)},  # already applied: not offered
                 {"category_id": "99999"},
                 {"category_id": str(cats["audio"].id), "note": "x" * 1001}):
        response = console.submit("/alpha/categories/apply", data, form_page="/alpha/categories")
        assert response.status_code == 422
        body = response.get_data(as_text=True)
        assert "Choose one of the options." in body or "Use at most 1000 characters." in body
    assert _applications() == before


def test_staff_can_look_but_not_apply(setup, client_for):
    console = client_for("merchant.localhost")
    sign_in(console, setup["staff"].email)
    assert console.get("/alpha/categories").status_code == 200
    token = console.csrf("/alpha/categories")
    response = console.post("/alpha/categories/apply", data={"csrf_token": token,
                                                            "category_id": str(setup["categories"]["audio"].id)})
    assert response.status_code == 403
    assert _applications() == {}


def test_other_stores_never_see_or_touch_an_application(setup, client_for):
    cats, alpha, bravo = setup["categories"], setup["alpha"], setup["bravo"]
    with store_scope(alpha.id):
        catalog.apply_for_category(store_id=alpha.id, category_id=cats["fashion"].id, note="secret plan", actor_id=None)
        db.session.commit()
    console_b = client_for("merchant.localhost")
    sign_in(console_b, setup["other"].email)
    page = console_b.get("/bravo/categories").get_data(as_text=True)
    assert "secret plan" not in page and "Waiting for review" not in page
    assert console_b.get("/alpha/categories").status_code == 404
    # Bravo may apply for the same category independently.
    assert console_b.submit("/bravo/categories/apply", {"category_id": str(cats["fashion"].id)},
                            form_page="/bravo/categories").status_code == 303
    with all_stores():
        assert db.session.scalar(select(func.count()).select_from(StoreCategory)) == 2
    with store_scope(bravo.id):
        assert catalog.approved_category_ids() == set()
