print("safa-bench: not built yet")
