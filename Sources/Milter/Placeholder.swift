enum MilterPlaceholder {}
