"""What operators see of a running service: Prometheus metrics, request ids, structured logs."""
