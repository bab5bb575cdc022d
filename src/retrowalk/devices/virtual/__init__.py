"""The virtual treadmill and heart-rate strap: byte-level GATT peripherals that bleak reaches
through its public `backend=` seam, so the same client code drives them as drives real ones.

A first-class part of the product, not a test fake: it lets anyone try `retrowalk go --device
virtual`, and it shows the faults real machines show (see `Faults`).
"""
