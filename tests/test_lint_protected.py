"""Protected-topic questions: hits where an interviewer asks, no hits on job duties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hirecli.screening.protected import ProtectedHit, find_protected_topics, protected_topics

HITS = [
    ("How old are your children?", "children and childcare"),
    ("Are you married?", "marital or family status"),
    ("Where were you born?", "birthplace or national origin"),
    ("What year did you graduate high school?", "age"),
    ("Do you have any disabilities?", "disability, medical history or medications"),
    ("Have you ever been arrested?", "arrests"),
    ("What is your current salary?", "salary history"),
    ("Are you a U.S. citizen?", "citizenship beyond work authorization"),
    ("What’s your native language?", "native language"),
    ("Which holidays do you observe?", "religion"),
    ("Do you plan on having kids soon?", "children and childcare"),
    ("Are you pregnant?", "pregnancy"),
    ("Are you taking any medications at the moment?", "disability, medical history or medications"),
    ("Does anyone in your family have heart disease?", "genetic information"),
    ("How tall are you?", "height or weight"),
    ("What's your credit score like?", "credit history"),
    ("When do you plan to retire?", "age"),
]

NOT_HITS = [
    "Tell me about a time you supported a client's family",
    "How do you keep your certifications current?",
    "Describe your experience with patients of all ages",
    "Are you authorized to work in the US?",
    "Will you now or in the future require sponsorship for an employment visa?",
    "Are you at least 18 years old?",
    "What are your salary expectations for this role?",
    "How would you monitor a client's medication compliance?",
    "Which languages do you speak well enough to counsel clients in?",
    "Can you perform the essential functions of this job, with or without reasonable accommodation?",
    "Tell me about a family therapy session that did not go as planned.",
    "How did you handle a client who disclosed a disability during intake?",
    "How much did you make in sales last quarter?",
]


@pytest.mark.parametrize(("question", "topic"), HITS)
def test_protected_questions_are_hits(question: str, topic: str) -> None:
    hits = find_protected_topics(question)
    assert [hit.topic for hit in hits] == [topic]
    hit = hits[0]
    assert question[hit.start : hit.end] == hit.matched
    assert hit.alternative
    assert hit.why


@pytest.mark.parametrize("question", NOT_HITS)
def test_job_related_questions_are_not_hits(question: str) -> None:
    assert find_protected_topics(question) == []


def test_a_stem_match_is_stretched_to_the_whole_word() -> None:
    [hit] = find_protected_topics("Do you have any disabilities we should know about?")
    assert hit.matched == "Do you have any disabilities"


def test_offsets_point_into_longer_text() -> None:
    text = "First, tell me about your last role. Then: are you married? Thanks."
    [hit] = find_protected_topics(text)
    assert text[hit.start : hit.end] == "are you married"
    assert hit.start == text.index("are you")


def test_every_topic_of_the_issue_is_covered() -> None:
    names = " ".join(protected_topics())
    for word in (
        "age",
        "birthplace",
        "citizenship",
        "native language",
        "religion",
        "marital",
        "children",
        "pregnancy",
        "disability",
        "genetic",
        "arrests",
        "height",
        "credit",
        "salary history",
    ):
        assert word in names


def test_hits_are_frozen() -> None:
    [hit] = find_protected_topics("Are you married?")
    assert isinstance(hit, ProtectedHit)
    with pytest.raises(AttributeError):
        hit.topic = "other"  # type: ignore[misc]


@given(st.text(max_size=300))
def test_any_text_gives_consistent_offsets(text: str) -> None:
    for hit in find_protected_topics(text):
        assert text[hit.start : hit.end] == hit.matched
        assert 0 <= hit.start < hit.end <= len(text)


@pytest.mark.parametrize(
    "question",
    [
        "Tell us about a time you had to administer medications and treatments as ordered under "
        "time pressure. What did you do first?",
        "Walk us through how you dispense medications on a busy ward. What do you check twice?",
        "Have you ever had to administer medications to a patient who refused them?",
    ],
)
def test_questions_about_giving_medications_as_the_work_are_lawful(question: str) -> None:
    from hirecli.screening.protected import find_protected_topics

    assert find_protected_topics(question) == []
