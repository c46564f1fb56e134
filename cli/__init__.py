"""factsift's command-line app: inputs, options, rendering and exit codes."""
