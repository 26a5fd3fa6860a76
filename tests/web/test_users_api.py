"""Staff accounts over a real server: admin-only management, and tokens revoked at once."""

from __future__ import annotations

from tests.factories import login, make_user


async def admin_headers(client, db):
    return await login(client, "admin", db)


async def token_for(client, email, password="correct-horse-battery"):
    response = await client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status == 200, await response.text()
    return {"Authorization": f"Bearer {(await response.json())['token']}"}


async def create(client, admin, email="clerk@test.hotel", role="front_desk"):
    response = await client.post("/api/v1/users", headers=admin, json={
        "email": email, "name": "Clerk Kent", "role": role, "password": "correct-horse-battery"})
    assert response.status == 201, await response.text()
    return await response.json()


async def test_admin_creates_lists_and_changes_users_and_every_change_is_audited(client, db):
    admin = await admin_headers(client, db)
    created = await create(client, admin)
    assert set(created) == {"id", "email", "name", "role", "active"}
    assert (created["email"], created["role"], created["active"]) == ("clerk@test.hotel", "front_desk", True)
    listed = await (await client.get("/api/v1/users", headers=admin)).json()
    assert "clerk@test.hotel" in [u["email"] for u in listed["users"]]
    assert all("password" not in str(u) for u in listed["users"])

    changed = await client.patch(f"/api/v1/users/{created['id']}", headers=admin, json={"role": "manager"})
    assert changed.status == 200 and (await changed.json())["role"] == "manager"
    duplicate = await client.post("/api/v1/users", headers=admin, json={
        "email": "CLERK@test.hotel", "name": "Again", "role": "front_desk", "password": "correct-horse-battery"})
    assert duplicate.status == 409 and (await duplicate.json())["field"] == "email"
    short = await client.post("/api/v1/users", headers=admin, json={
        "email": "x@test.hotel", "name": "X", "role": "front_desk", "password": "short"})
    assert short.status == 422 and (await short.json())["field"] == "password"
    assert (await client.patch(f"/api/v1/users/{created['id']}", headers=admin, json={})).status == 422
    missing = await client.patch("/api/v1/users/00000000-0000-0000-0000-000000000000", headers=admin,
                                 json={"active": False})
    assert missing.status == 404

    audit = await db.pool.fetch("SELECT action, old_values, new_values FROM audit_logs WHERE entity_id = $1 "
                                "ORDER BY created_at", created["id"])
    assert [a["action"] for a in audit] == ["user.create", "user.update"]
    assert (audit[1]["old_values"]["role"], audit[1]["new_values"]["role"]) == ("front_desk", "manager")
    assert "password" not in str(audit[0]["new_values"]) and "scrypt" not in str([dict(a) for a in audit])


async def test_only_admins_manage_users(client, db):
    admin = await admin_headers(client, db)
    await make_user(db, "manager", "mgr@test.hotel")
    manager = await token_for(client, "mgr@test.hotel", "correct-horse")
    assert (await client.get("/api/v1/users", headers=manager)).status == 403
    forbidden = await client.post("/api/v1/users", headers=manager, json={
        "email": "x@test.hotel", "name": "X", "role": "admin", "password": "correct-horse-battery"})
    assert forbidden.status == 403 and forbidden.content_type == "application/problem+json"
    assert (await client.get("/api/v1/users")).status == 401
    created = await create(client, admin)
    assert (await client.patch(f"/api/v1/users/{created['id']}", headers=manager, json={"role": "admin"})).status == 403


async def still_works(client, headers) -> int:
    return (await client.get("/api/v1/reservations", headers=headers)).status


async def test_deactivation_role_change_password_change_and_logout_revoke_existing_tokens(client, db):
    admin = await admin_headers(client, db)
    clerk = await create(client, admin)
    path = f"/api/v1/users/{clerk['id']}"

    token = await token_for(client, clerk["email"])
    assert await still_works(client, token) == 200
    assert (await client.patch(path, headers=admin, json={"active": False})).status == 200
    assert await still_works(client, token) == 401
    refused = await client.post("/api/v1/auth/login", json={"email": clerk["email"],
                                                            "password": "correct-horse-battery"})
    assert refused.status == 401  # a deactivated user cannot log in again either
    assert (await client.patch(path, headers=admin, json={"active": True})).status == 200

    token = await token_for(client, clerk["email"])
    assert (await client.patch(path, headers=admin, json={"role": "housekeeping"})).status == 200
    assert await still_works(client, token) == 401
    token = await token_for(client, clerk["email"])
    assert await still_works(client, token) == 403  # the new token carries the new role

    assert (await client.patch(path, headers=admin, json={"password": "a-brand-new-passphrase"})).status == 200
    assert (await client.get("/api/v1/rooms", headers=token)).status == 401
    token = await token_for(client, clerk["email"], "a-brand-new-passphrase")
    assert (await client.get("/api/v1/rooms", headers=token)).status == 200

    other_session = await token_for(client, clerk["email"], "a-brand-new-passphrase")
    logout = await client.post("/api/v1/auth/logout", headers=token)
    assert logout.status == 204
    assert (await client.get("/api/v1/rooms", headers=token)).status == 401
    assert (await client.get("/api/v1/rooms", headers=other_session)).status == 401  # every session ends
    assert await still_works(client, admin) == 200  # other users are untouched
    actions = [r["action"] for r in await db.pool.fetch(
        "SELECT action FROM audit_logs WHERE entity_id = $1 ORDER BY created_at", clerk["id"])]
    assert actions == ["user.create"] + ["user.update"] * 4 + ["user.logout"]


async def test_the_last_admin_cannot_be_demoted_or_deactivated(client, db):
    admin = await admin_headers(client, db)
    me = next(u for u in (await (await client.get("/api/v1/users", headers=admin)).json())["users"]
              if u["role"] == "admin")
    for change in ({"role": "manager"}, {"active": False}):
        refused = await client.patch(f"/api/v1/users/{me['id']}", headers=admin, json=change)
        assert refused.status == 409
    second = await create(client, admin, "boss@test.hotel", role="admin")
    assert (await client.patch(f"/api/v1/users/{me['id']}", headers=admin, json={"role": "manager"})).status == 200
    assert (await client.get("/api/v1/users", headers=admin)).status == 401  # demoted: old token gone
    assert second["role"] == "admin"


async def test_users_endpoints_are_in_the_openapi_document(client):
    document = await (await client.get("/api/v1/openapi.json")).json()
    assert {"get", "post"} <= set(document["paths"]["/api/v1/users"])
    assert "patch" in document["paths"]["/api/v1/users/{id}"]
    assert "204" in document["paths"]["/api/v1/auth/logout"]["post"]["responses"]
