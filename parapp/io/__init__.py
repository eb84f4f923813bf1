"""File formats: criteria workbooks, xlsx and PDF sheets, signing and packages; core objects in and out."""
