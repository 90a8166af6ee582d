"""Interview preparation: loops and plans, the question bank, spaced repetition, exercises."""
