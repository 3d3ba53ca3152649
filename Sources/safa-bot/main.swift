print("safa-bot: not built yet")
