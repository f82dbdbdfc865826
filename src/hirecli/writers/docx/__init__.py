"""The Word writer: styles as packaged XML, branded reference documents, the package."""
