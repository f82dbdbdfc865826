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
    lint: dict[str, Any] | None = Field(
        None, description="Lint settings, as in .hirecli-lint.yaml"
    )
    competencies: Line | None = Field(
        None, description="A folder of the company's own competency files (relative to this "
                          "file) that extend or override the packaged library",
    )
    _folder: Path | None = PrivateAttr(None)

    def competency_folders(self) -> tuple[str, ...]:
        """The company's competency folder as a path, resolved against the profile's folder."""
        if not self.competencies:
            return ()
        folder = Path(self.competencies)
        if not folder.is_absolute() and self._folder is not None:
            folder = self._folder / folder
        return (str(folder),)
