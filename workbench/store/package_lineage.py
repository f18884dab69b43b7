"""Which of a package's sets hold changes of their annotator, and which of those the lead's
project changed too: the merge's two questions, from revisions and the package they came with.

A set's revision grows with each change of it, in the project and in a package alike. When a
package is written, the lead's set and the package's copy keep the revision it was carried at
(``synced_revision``), and the lead's set the package's id (``synced_package``, the package's
``PACKAGE_ID_KEY``); a merge that takes a package's set keeps the same for the set it brings,
and remembers that it took that package's set at that revision (``merged_packages``).

- A package's set at a revision a merge took before brings nothing: merging a package again
  changes nothing, even after another package of the annotator was merged in between.
- A package whose set the lead last carried or brought back (the same package id): the
  annotator changed the set when the package's revision is past the lead's synced one, and the
  project changed it too when its own revision is past that.
- A package the lead has carried or merged another since (two packages of one annotator, each
  worked on): the annotator changed the set when its revision is past the one it was carried at
  in that package; the project holds other work when its revision is no longer that one. Compared
  with the lead's synced revision instead, the work of one of the packages was left out, or
  replaced the other's, without a word.
- A package written before packages had ids, or a set never carried: by the lead's synced
  revision, or its own where there is none.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LeadSet:
    """What the lead's project knows of its set of the package's annotator on a document."""

    revision: int
    synced_revision: int | None
    synced_package: str | None
    taken_from_package: frozenset[int] = frozenset()
    """The revisions at which a merge took this package's set of the document."""


NO_SET = LeadSet(-1, None, None)
"""A set the lead does not have: any set of the package is new to it."""


@dataclass(frozen=True)
class PackageCopy:
    """A set as the package holds it: its revision, the one it was carried at (None in a
    package written before packages kept it) and the package's id (None likewise)."""

    revision: int
    carried_revision: int | None
    package_id: str | None


def changed_by_annotator(copy: PackageCopy, lead: LeadSet) -> bool:
    """Whether the package's set holds changes the lead's project does not have yet."""
    if copy.revision in lead.taken_from_package:
        return False
    carried = _carried_with_another_package(copy, lead)
    if carried is not None:
        return copy.revision > carried
    return copy.revision > (lead.revision if lead.synced_revision is None else lead.synced_revision)


def changed_in_project(copy: PackageCopy, lead: LeadSet) -> bool:
    """Whether the lead's set, which a set the annotator changed replaces, holds changes the
    package was not written from."""
    carried = _carried_with_another_package(copy, lead)
    if carried is not None:
        return lead.revision != carried
    return lead.synced_revision is not None and lead.revision > lead.synced_revision


def _carried_with_another_package(copy: PackageCopy, lead: LeadSet) -> int | None:
    """The revision the package's copy was carried at, when the lead's set was last carried or
    brought back with another package than this one; None when with this one, or when the
    package does not say (a lead without the set has no package)."""
    if lead is NO_SET or copy.package_id is None or lead.synced_package == copy.package_id:
        return None
    return copy.carried_revision
