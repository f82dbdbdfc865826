"""The job posting: facts, sections, trimming for a channel, JSON-LD and user templates."""
