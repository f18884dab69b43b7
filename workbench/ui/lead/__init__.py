"""The team lead's windows: assignments, agreement dashboard, adjudication, exports."""
