"""A match: seats (human or bot), the action record, replay files."""
