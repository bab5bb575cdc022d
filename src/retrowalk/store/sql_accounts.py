"""SQL repository for accounts: who they are, their role, who invited them, and the password
hash (read only by the login service)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from retrowalk.services.ports import Accounts
from retrowalk.services.records import Account, Role
from retrowalk.store.database import SqlRepository
from retrowalk.store.people import AccountRow


class SqlAccounts(SqlRepository, Accounts):
    def by_name(self, name: str) -> Account | None:
        row = self._session.scalars(select(AccountRow).where(AccountRow.name == name)).first()
        return None if row is None else _account(row)

    def add(self, name: str, role: Role, at: datetime, invited_by: int | None = None) -> Account:
        row = AccountRow(name=name, role=role.value, created_at=at, invited_by=invited_by)
        return _account(self._inserted(row))

    def get(self, account_id: int) -> Account | None:
        row = self._session.get(AccountRow, account_id)
        return None if row is None else _account(row)

    def all(self) -> list[Account]:
        rows = self._session.scalars(select(AccountRow).order_by(AccountRow.name))
        return [_account(row) for row in rows]

    def password_hash(self, account_id: int) -> str | None:
        found: str | None = self._session.scalar(
            select(AccountRow.password_hash).where(AccountRow.id == account_id)
        )
        return found

    def set_password_hash(self, account_id: int, password_hash: str) -> None:
        self._session.get_one(AccountRow, account_id).password_hash = password_hash
        self._session.flush()


def _account(row: AccountRow) -> Account:
    return Account(row.id, row.name, Role(row.role), row.created_at, row.invited_by)
