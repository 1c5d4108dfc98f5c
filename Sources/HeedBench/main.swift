print("heed-bench: not yet")
