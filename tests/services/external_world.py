"""Signing with another tool, for the tests: pyHanko's own API called directly (never parapp's
signing code), the way vSignPDF or a remote-signing service would add a signature on top of the
exported bytes, plus the later incremental updates a file may pick up."""

from __future__ import annotations

import subprocess
from io import BytesIO
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from PIL import Image
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.validation.dss import DocumentSecurityStore

from tests.signing_pki import P12_PASSPHRASE


def sign_elsewhere(data: bytes, p12: Path, field: str = "KyNgoai") -> bytes:
    """``data`` with one more PAdES signature by the key in ``p12``, in a new visible field on
    page 1, made by pyHanko directly."""
    signer = signers.SimpleSigner.load_pkcs12(  # type: ignore[no-untyped-call]
        str(p12), passphrase=P12_PASSPHRASE.encode()
    )
    assert signer is not None
    writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=field, subfilter=SigSeedSubFilter.PADES, md_algorithm="sha256"
    )
    spec = fields.SigFieldSpec(field, on_page=0, box=(40, 40, 240, 100))
    out = BytesIO()
    signers.PdfSigner(meta, signer=signer, new_field_spec=spec).sign_pdf(writer, output=out)
    return out.getvalue()


def add_annotation(data: bytes) -> bytes:
    """An incremental update that puts a text annotation on page 1 (a content change)."""
    writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
    page_ref, _ = writer.find_page_for_modification(0)  # type: ignore[no-untyped-call]
    page = page_ref.get_object()
    annot = generic.DictionaryObject(  # type: ignore[no-untyped-call]
        {
            generic.NameObject("/Type"): generic.NameObject("/Annot"),
            generic.NameObject("/Subtype"): generic.NameObject("/Text"),
            generic.NameObject("/Rect"): generic.ArrayObject(
                [generic.FloatObject(v) for v in (300, 300, 320, 320)]  # type: ignore[no-untyped-call]
            ),
            generic.NameObject("/Contents"): generic.TextStringObject("Sửa sau khi ký"),
        }
    )
    annots = page.get("/Annots", generic.ArrayObject())
    annots = generic.ArrayObject([*annots, writer.add_object(annot)])
    page[generic.NameObject("/Annots")] = annots
    writer.update_container(page)
    out = BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()


def add_validation_data(data: bytes, ca_der: bytes) -> bytes:
    """An incremental update adding only a DSS with the issuer's certificate (LTA_UPDATES)."""
    reader = PdfFileReader(BytesIO(data), strict=False)
    sig = reader.embedded_regular_signatures[-1]
    stream = BytesIO(data)
    DocumentSecurityStore.add_dss(
        stream, sig.pkcs7_content, certs=[asn1_x509.Certificate.load(ca_der)]
    )
    return stream.getvalue()


def pdfsig(path: Path) -> str:
    """pdfsig's report of ``path``."""
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout


def png(color: tuple[int, int, int, int], size: tuple[int, int]) -> bytes:
    """A plain RGBA PNG of one colour (Pillow: ReportLab's own image library)."""
    buffer = BytesIO()
    Image.new("RGBA", size, color).save(buffer, format="PNG")
    return buffer.getvalue()
