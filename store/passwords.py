"""Staff password hashes: argon2id at a cost set once a process (`ROLLCALL_PASSWORD_*`).

Every hash carries the parameters it was made with (`$argon2id$v=19$m=65536,t=3,p=4$...`), and
argon2 verifies it with those, not the process's: a hash made at any cost verifies at any other,
and a right password whose hash was made at another cost is hashed again at sign-in
(`needs_rehash`), so changing the cost never locks anyone out.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from store.errors import ConfigError


@dataclass(frozen=True, slots=True)
class PasswordCost:
    """argon2id's work per hash. The defaults are argon2-cffi's own (RFC 9106's low-memory
    choice): about 0.16 s of CPU a hash on the CI machine."""

    time_cost: int = 3  # passes over the memory
    memory_kib: int = 65536  # 64 MiB
    parallelism: int = 4  # lanes


PRODUCTION = PasswordCost()
# OWASP's least for argon2id (19 MiB, two passes, one lane): below it a stolen table of hashes
# is cheap to guess through, so only a process that says it is a test may go lower.
FLOOR = PasswordCost(time_cost=2, memory_kib=19456, parallelism=1)
# The least argon2 accepts: tens of microseconds a hash, for the test suite only.
TESTS_ONLY = PasswordCost(time_cost=1, memory_kib=8, parallelism=1)


def below_floor(cost: PasswordCost) -> str | None:
    """The name of the first parameter under the safe floor, or None."""
    for field in fields(PasswordCost):
        if getattr(cost, field.name) < getattr(FLOOR, field.name):
            return field.name
    return None


def _hasher_for(cost: PasswordCost) -> PasswordHasher:
    return PasswordHasher(time_cost=cost.time_cost, memory_cost=cost.memory_kib,
                          parallelism=cost.parallelism)


_cost = PRODUCTION
_hasher = _hasher_for(PRODUCTION)


def use_cost(cost: PasswordCost, *, tests_only: bool = False) -> None:
    """New hashes from now on are made at `cost` (ConfigError under the floor, unless
    `tests_only`). Set once at start, from settings; the hashes already stored are unchanged."""
    global _cost, _hasher
    low = below_floor(cost)
    if low is not None and not tests_only:
        raise ConfigError(f"password {low} {getattr(cost, low)} is below the safe floor "
                          f"{getattr(FLOOR, low)}")
    _cost, _hasher = cost, _hasher_for(cost)


def current_cost() -> PasswordCost:
    return _cost


def make_hash(password: str) -> str:
    return _hasher.hash(password)


def matches(password_hash: str, password: str) -> bool:
    """Whether `password` is the one hashed, at whatever cost the hash was made."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether this hash was made at another cost than the current one."""
    return _hasher.check_needs_rehash(password_hash)
