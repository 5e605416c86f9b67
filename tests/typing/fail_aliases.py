"""Rejected: an alias is its member, not another one, and not Any.  (A match
by earlier names that forgets a member is fail_match_missing_member.py.)"""

from __future__ import annotations

from typing import Literal

from dimse_status import CStoreStatus, GeneralStatus

success: Literal[CStoreStatus.SUCCESS] = CStoreStatus.INVALID_OBJECT_INSTANCE  # E: not SUCCESS
text: str = GeneralStatus.ATTRIBUTE_LIST_ERROR  # E: a member, not Any
