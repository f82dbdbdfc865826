"""The interview kit: competencies matched to the library, the loop plan, and its documents."""
