"""The company profile: text and settings shared by every role of one employer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, PrivateAttr, model_validator
from pydantic_core import PydanticCustomError

from hirecli.model.fields import STRICT, Line, Text
from hirecli.model.role import InterviewPlan, Location


class Apply(BaseModel):
    model_config = STRICT

    url: Line | None = Field(None, pattern=r"^https?://\S+$")
    email: Line | None = Field(None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

    @model_validator(mode="after")
    def _one_of(self) -> Apply:
        if self.url is None and self.email is None:
            raise PydanticCustomError("apply_empty", "apply needs a url or an email")
        return self


class Feeds(BaseModel):
    """What job boards and feeds need beyond the posting (``hirecli export --feed``)."""

    model_config = STRICT

    job_url: Line | None = Field(
        None,
        pattern=r"^https?://\S+$",
        description="The page of each job on your site, with {id} where the role id goes, e.g. "
        "https://example.com/careers/{id}; feeds link each job there (default: apply.url)",
    )
    publisher: Line | None = Field(None, description="The feed's publisher (default: name)")
    publisher_url: Line | None = Field(
        None, pattern=r"^https?://\S+$", description="The publisher's web address (default: website)"
    )
    linkedin_company_id: Line | None = Field(
        None,
        pattern=r"^[0-9]+$",
        description="Your company's id on LinkedIn (from the admin address of your LinkedIn page)",
    )
    poster_email: Line | None = Field(
        None,
        pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
        description="Who posts the jobs, for LinkedIn's job poster email (default: apply.email)",
    )

    def job_url_for(self, role_id: str) -> str | None:
        return self.job_url.replace("{id}", role_id) if self.job_url else None


class Company(BaseModel):
    """What ``company.yaml`` holds."""

    model_config = STRICT

    name: Line
    about: Text | None = None
    benefits: list[Text] = Field(default_factory=list)
    eeo_statement: Text | None = None
    apply: Apply | None = None
    website: Line | None = Field(None, pattern=r"^https?://\S+$")
    logo_url: Line | None = Field(None, pattern=r"^https?://\S+$")
    location: Location | None = None
    interview_plan: InterviewPlan | None = Field(
        None, description="The default interview loop for roles without their own"
    )
    lint: dict[str, Any] | None = Field(None, description="Lint settings, as in .hirecli-lint.yaml")
    competencies: Line | None = Field(
        None,
        description="A folder of the company's own competency files (relative to this "
        "file) that extend or override the packaged library",
    )
    feeds: Feeds | None = Field(None, description="Job page address and ids for job feeds and boards")
    _folder: Path | None = PrivateAttr(None)

    def competency_folders(self) -> tuple[str, ...]:
        """The company's competency folder as a path, resolved against the profile's folder."""
        if not self.competencies:
            return ()
        folder = Path(self.competencies)
        if not folder.is_absolute() and self._folder is not None:
            folder = self._folder / folder
        return (str(folder),)
