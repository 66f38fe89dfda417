// Stands in for the server-only package in bundles run by plain Node (CLI, seed).
