// Placeholder: replaced by the fuzz target.
print("maalplan-fuzz")
