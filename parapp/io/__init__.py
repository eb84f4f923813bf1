"""File formats: criteria workbooks, xlsx and PDF sheets, signing, packages; core objects in/out."""
