print("milter-bench: not yet")
