"""Bots: each sees a faction view and the legal actions, and returns an action with a reason."""
