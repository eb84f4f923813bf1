"""The zip packages that travel between the secretary and the members: the member package
(.parpkg) with its slice of the round, and the signed score package (.parscore) with its manifest.
"""
