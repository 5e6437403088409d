"""Use cases shared by the window and the CLI. Every write is one journalled transaction."""
