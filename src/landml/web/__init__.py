"""The web app: server-rendered pages that work without JavaScript, and their JSON twins
under /api/v1. Routes only translate: parse input, call one service, render."""
