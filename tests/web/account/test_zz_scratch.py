import time
from tests.conftest import sign_in
from tests.factories import make_store, make_user

def test_explore(client_for, app):
    make_store("acme")
    u = make_user("a@example.com")
    c = client_for("localhost")
    c.get("/en/account/sign-in")
    print("cookie before", c.get_cookie("session", domain="localhost"))
    t = time.time()
    r = sign_in(c, "a@example.com")
    print("signin", r.status_code, r.headers.get("Location"), time.time() - t)
    ck = c.get_cookie("session", domain="localhost")
    print("cookie after", ck, ck.value if ck else None)
    old = ck.value
    r = c.submit("/en/account/sign-out", {}, form_page="/en/account/")
    print("signout", r.status_code, r.headers.get("Location"))
    c2 = client_for("localhost")
    c2.set_cookie("session", old, domain="localhost")
    r = c2.get("/en/account/")
    print("replay", r.status_code, r.headers.get("Location"))
    t = time.time()
    for i in range(3):
        r = sign_in(c, "zz%d@example.com" % i, "wrong")
    print("3 fails", time.time() - t, r.status_code)
    r = c.post("/en/account/sign-in", data={"email": "a@example.com", "password": "x"}, headers={"HX-Request": "true"})
    print(r.status_code, r.get_data(as_text=True)[:3000])
