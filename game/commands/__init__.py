"""One module per `leadsim` sub-command: `register(subparsers)` and `run(args) -> int`."""
