"""Digital signatures: certificates (load, describe, check), signers from a .p12 file or a PKCS#11
token, PAdES and detached CMS signing, the visible stamp, and offline validation into trust states.
"""
