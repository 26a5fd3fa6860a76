"""Staff accounts (admin only) and logout (everyone). Thin HTTP over ``backoffice.users``."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, model_validator

from agent.web.api import Call, Empty
from agent.web.keys import DATABASE, HASHER
from agent.web.registry import api
from backoffice import users
from backoffice.auth import Role

TAG = "users"
ONE_LINE = r"^[^\x00-\x1f\x7f]*$"  # no NUL (PostgreSQL text) nor other control characters
PASSWORD_HELP = "At least 12 characters; stored as an scrypt hash"
NO_NUL = r"^[^\x00]*$"


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    email: str
    name: str
    role: Role
    active: bool


class UserList(BaseModel):
    users: list[UserOut]


class UserPath(BaseModel):
    id: UUID


class NewUser(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(min_length=3, max_length=254, pattern=r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$")
    name: str = Field(min_length=1, max_length=200, pattern=ONE_LINE)
    role: Role
    password: str = Field(min_length=12, max_length=1024, pattern=NO_NUL, description=PASSWORD_HELP)


class UserChange(BaseModel):
    """Any of role, active and password; each change ends the user's current sessions."""

    model_config = ConfigDict(extra="forbid")

    role: Role | None = None
    active: bool | None = None
    password: str | None = Field(default=None, min_length=12, max_length=1024, pattern=NO_NUL,
                                 description=PASSWORD_HELP)

    @model_validator(mode="after")
    def _something(self) -> UserChange:
        if self.role is None and self.active is None and self.password is None:
            raise ValueError("give at least one of role, active and password")
        return self


@api.route("GET", "/api/v1/users", summary="Staff accounts", tag=TAG, scope="users", response=UserList)
async def list_users(call: Call[Empty, Empty, Any]) -> UserList:
    found = await users.list_users(call.app[DATABASE].pool)
    return UserList(users=[UserOut.model_validate(u) for u in found])


@api.route("POST", "/api/v1/users", summary="Create a staff account", tag=TAG, scope="users", body=NewUser,
           response=UserOut, status=201, errors=(409,))
async def create_user(call: Call[Empty, Empty, NewUser]) -> UserOut:
    """409 when the email is already taken (emails compare case-insensitively)."""
    body = call.body
    user = await users.create(call.app[DATABASE], call.app[HASHER], call.actor, email=body.email, name=body.name,
                              role=body.role, password=body.password)
    return UserOut.model_validate(user)


@api.route("PATCH", "/api/v1/users/{id}", summary="Change a staff account's role, access or password", tag=TAG,
           scope="users", path_params=UserPath, body=UserChange, response=UserOut, errors=(404, 409))
async def change_user(call: Call[UserPath, Empty, UserChange]) -> UserOut:
    """A role change, deactivation or new password makes the user's existing tokens 401 at once.
    The last active admin cannot be demoted or deactivated (409)."""
    body = call.body
    user = await users.update(call.app[DATABASE], call.app[HASHER], call.actor, call.path.id, role=body.role,
                              active=body.active, password=body.password)
    return UserOut.model_validate(user)


@api.route("POST", "/api/v1/auth/logout", summary="Log out: end every session of the current user", tag="auth",
           scope="session", status=204)
async def logout(call: Call[Empty, Empty, Any]) -> None:
    """Every token of the user (on any device) is refused from the next request on."""
    await users.logout(call.app[DATABASE], call.actor, call.user.user_id)
