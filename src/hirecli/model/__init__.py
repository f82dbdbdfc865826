"""Role and company models and the loaders that read them from YAML."""
