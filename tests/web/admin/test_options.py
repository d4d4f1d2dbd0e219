"""Admin: option templates per category (Colour, Size with their allowed
values; filterable or not), inherited by subcategories without their own."""

import pytest
from sqlalchemy import func, select

from app.accounts.models import PlatformRole
from app.catalog import options as catalog_options
from app.catalog import services as catalog
from app.catalog.models import CategoryOption
from app.extensions import db
from tests.conftest import sign_in
from tests.factories import make_user


@pytest.fixture
def ops(client_for):
    user = make_user("ops@example.com", platform_role=PlatformRole.OPERATIONS)
    client = client_for("admin.localhost")
    sign_in(client, user.email)
    return client


@pytest.fixture
def tree():
    def make(name, parent=None):
        return catalog.save_category(None, name=name, slug=name.lower(), parent_id=parent.id if parent else None,
                                     commission_self=None, commission_third=None)

    fashion = make("Fashion")
    clothing = make("Clothing", fashion)
    jackets = make("Jackets", clothing)
    db.session.commit()
    return {"fashion": fashion, "clothing": clothing, "jackets": jackets}


def _url(category, *rest):
    return "/".join([f"/catalog/categories/{category.id}/options", *[str(r) for r in rest]])


def _options(category):
    db.session.expire_all()
    return [(o.name, o.values, o.filterable) for o in catalog_options.category_options(category.id)]


def _count():
    return db.session.scalar(select(func.count()).select_from(CategoryOption))


def _add(client, category, name, values, filterable=True):
    data = {"name": name, "values": values}
    if filterable:
        data["filterable"] = "y"
    response = client.submit(_url(category), data)
    assert response.status_code == 303, response.get_data(as_text=True)[-2000:]


def test_add_with_any_commas_edit_reorder_delete(ops, tree):
    clothing = tree["clothing"]
    _add(ops, clothing, "Size", "S，M、L، XL")
    _add(ops, clothing, "Material", "Cotton, Linen", filterable=False)
    assert _options(clothing) == [("Size", ["S", "M", "L", "XL"], True), ("Material", ["Cotton", "Linen"], False)]
    page = ops.get(_url(clothing)).get_data(as_text=True)
    assert "S, M, L, XL" in page and "Cotton, Linen" in page

    size, material = catalog_options.category_options(clothing.id)
    response = ops.submit(_url(clothing, size.id), {f"o{size.id}-name": "Size (EU)", f"o{size.id}-values": "36, 38, 40"},
                          form_page=_url(clothing))
    assert response.status_code == 303
    assert _options(clothing)[0] == ("Size (EU)", ["36", "38", "40"], False)

    assert ops.submit(_url(clothing, material.id, "move", "up"), {}, form_page=_url(clothing)).status_code == 303
    assert [name for name, *_ in _options(clothing)] == ["Material", "Size (EU)"]

    assert ops.submit(_url(clothing, size.id, "delete"), {}, form_page=_url(clothing)).status_code == 303
    assert [name for name, *_ in _options(clothing)] == ["Material"]


@pytest.mark.parametrize("data,message", [
    ({"name": "", "values": "S, M"}, "This field is required."),
    ({"name": "   ", "values": "S, M"}, "This field is required."),
    ({"name": "N" * 41, "values": "S, M"}, "Use at most 40 characters."),
    ({"name": "Fit: slim", "values": "S"}, "An option name cannot contain a colon."),
    ({"name": "colour", "values": "S"}, "This category already has an option with this name."),
    ({"name": "Size", "values": ""}, "This field is required."),
    ({"name": "Size", "values": " , , "}, "List the allowed values, separated by commas (like S, M, L)."),
    ({"name": "Size", "values": "S, M, s"}, "s is listed twice. List each value once."),
    ({"name": "Size", "values": ", ".join(f"v{n}" for n in range(51))}, "An option has at most 50 values."),
    ({"name": "Size", "values": "x" * 41}, "Each value is at most 40 characters."),
    ({"name": "Size", "values": "S", "filterable": "maybe"}, "Choose one of the options."),
])
def test_bad_option_input_changes_nothing(ops, tree, data, message):
    _add(ops, tree["clothing"], "Colour", "Red")
    before = _options(tree["clothing"])
    response = ops.submit(_url(tree["clothing"]), data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert _options(tree["clothing"]) == before


def test_bad_edit_changes_nothing_and_shows_the_error_by_the_option(ops, tree):
    clothing = tree["clothing"]
    _add(ops, clothing, "Colour", "Red")
    _add(ops, clothing, "Size", "S, M")
    size = catalog_options.category_options(clothing.id)[1]
    before = _options(clothing)
    response = ops.submit(_url(clothing, size.id), {f"o{size.id}-name": "COLOUR", f"o{size.id}-values": "S"},
                          form_page=_url(clothing))
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "This category already has an option with this name." in body
    assert f'id="o{size.id}-name"' in body and 'aria-invalid="true"' in body
    assert _options(clothing) == before


def test_subcategories_inherit_the_nearest_templates(ops, tree):
    _add(ops, tree["fashion"], "Colour", "Red, Blue")
    page = ops.get(_url(tree["jackets"])).get_data(as_text=True)
    assert "it uses those of Fashion" in page and "Red, Blue" in page
    assert [o.name for o in catalog_options.options_for_category(tree["jackets"].id)] == ["Colour"]

    _add(ops, tree["clothing"], "Size", "S, M")
    page = ops.get(_url(tree["jackets"])).get_data(as_text=True)
    assert "it uses those of Clothing" in page
    assert [o.name for o in catalog_options.options_for_category(tree["jackets"].id)] == ["Size"]
    assert [o.name for o in catalog_options.options_for_category(tree["fashion"].id)] == ["Colour"]


def test_an_option_of_another_category_is_404(ops, tree):
    _add(ops, tree["fashion"], "Colour", "Red")
    colour = catalog_options.category_options(tree["fashion"].id)[0]
    other = tree["clothing"]
    for path, data in ((_url(other, colour.id), {f"o{colour.id}-name": "X", f"o{colour.id}-values": "Y"}),
                       (_url(other, colour.id, "delete"), {}), (_url(other, colour.id, "move", "up"), {})):
        assert ops.submit(path, data, form_page=_url(other)).status_code == 404
    assert ops.get("/catalog/categories/999999/options").status_code == 404
    assert _options(tree["fashion"]) == [("Colour", ["Red"], True)]


@pytest.mark.parametrize("role", [PlatformRole.FINANCE, PlatformRole.SUPPORT])
def test_readers_cannot_change_options(client_for, tree, role, ops):
    _add(ops, tree["fashion"], "Colour", "Red")
    colour = catalog_options.category_options(tree["fashion"].id)[0]
    client = client_for("admin.localhost")
    sign_in(client, make_user(f"{role.value}@example.com", platform_role=role).email)
    page = client.get(_url(tree["fashion"]))
    assert page.status_code == 200 and "Add an option" not in page.get_data(as_text=True)
    form_page = _url(tree["fashion"])
    assert client.submit(_url(tree["fashion"]), {"name": "Size", "values": "S"}, form_page=form_page).status_code == 403
    assert client.submit(_url(tree["fashion"], colour.id, "delete"), {}, form_page=form_page).status_code == 403
    assert _count() == 1


def test_category_page_links_to_its_options(ops, tree):
    page = ops.get(f"/catalog/categories/{tree['clothing'].id}").get_data(as_text=True)
    assert f'href="{_url(tree["clothing"])}"' in page
