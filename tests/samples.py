"""Images with real embedded rights metadata, built in code.

Pillow writes the EXIF, XMP and PNG text; IPTC is written as the genuine
APP13 "Photoshop 3.0" segment with an 8BIM 0x0404 resource holding IIM
datasets, as Photoshop and ExifTool write it; C2PA manifests are signed by
the c2pa library with a throwaway CA made here. Shared by the tests and by
scripts/make_sample_archive.py.
"""

from __future__ import annotations

import datetime
import io
import random
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, PngImagePlugin

from provenance.metadata.iptc import build_iim

UTF8_MARKER = b"\x1b%G"


def picture(width: int = 320, height: int = 240, seed: int = 1) -> Image.Image:
    """A photo-like picture: sky gradient, sun, hills, a skyline and grain, different per seed."""
    rng = random.Random(seed)
    sky = (rng.randrange(60, 140), rng.randrange(90, 170), rng.randrange(160, 240))
    gradient = Image.linear_gradient("L").resize((width, height))
    im = Image.merge("RGB", [gradient.point(lambda v, c=c: int(c * (0.55 + v / 400))) for c in sky])
    draw = ImageDraw.Draw(im)
    sun = (rng.uniform(0.1, 0.9) * width, rng.uniform(0.1, 0.35) * height, rng.uniform(0.05, 0.12) * width)
    draw.ellipse([sun[0] - sun[2], sun[1] - sun[2], sun[0] + sun[2], sun[1] + sun[2]], fill=(250, 230, 160))
    horizon = rng.uniform(0.5, 0.7) * height
    hills = [(x, horizon - rng.uniform(0, 0.2) * height) for x in range(0, width + 40, 40)]
    draw.polygon([(0, height), *hills, (width, height)], fill=(rng.randrange(30, 90), rng.randrange(70, 130), 40))
    x = 0.0
    while x < width:
        w, h = rng.uniform(0.04, 0.1) * width, rng.uniform(0.1, 0.35) * height
        shade = rng.randrange(30, 90)
        draw.rectangle([x, horizon - h, x + w, horizon + 0.1 * height], fill=(shade, shade, shade + 10))
        x += w + rng.uniform(0, 0.08) * width
    noise = Image.effect_noise((width, height), 18).convert("RGB")
    return Image.blend(im, noise, 0.08)


def exif_bytes(artist: str | None = None, copyright: str | None = None, description: str | None = None,
               xp_author: str | None = None, user_comment: str | None = None,
               encoding: str = "utf-8") -> bytes:
    exif = Image.Exif()
    if artist is not None:
        exif[0x013B] = artist.encode(encoding)
    if copyright is not None:
        exif[0x8298] = copyright.encode(encoding)
    if description is not None:
        exif[0x010E] = description.encode(encoding)
    if xp_author is not None:
        exif[0x9C9D] = xp_author.encode("utf-16-le") + b"\x00\x00"
    if user_comment is not None:
        exif.get_ifd(0x8769)[0x9286] = b"UNICODE\x00" + user_comment.encode("utf-16-le")
    return exif.tobytes()


def iptc_app13(fields: dict[tuple[int, int], str | list[str]], utf8_marker: bool = True,
               encoding: str = "utf-8") -> bytes:
    """A JPEG APP13 segment: Photoshop 3.0 header, 8BIM resource 0x0404, IIM datasets."""
    datasets: list[tuple[int, int, bytes]] = [(1, 90, UTF8_MARKER)] if utf8_marker else []
    for (record, number), value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            datasets.append((record, number, one.encode(encoding)))
    iim = build_iim(datasets)
    if len(iim) % 2:
        iim += b"\x00"
    resource = b"8BIM" + (0x0404).to_bytes(2, "big") + b"\x00\x00" + len(iim).to_bytes(4, "big") + iim
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload


def insert_app13(jpeg: bytes, app13: bytes) -> bytes:
    assert jpeg[:2] == b"\xff\xd8", "not a JPEG"
    return jpeg[:2] + app13 + jpeg[2:]


def _alt(tag: str, values: dict[str, str]) -> str:
    items = "".join(f'<rdf:li xml:lang="{lang}">{escape(v)}</rdf:li>' for lang, v in values.items())
    return f"<{tag}><rdf:Alt>{items}</rdf:Alt></{tag}>"


def _seq(tag: str, values: list[str], kind: str = "Seq") -> str:
    items = "".join(f"<rdf:li>{escape(v)}</rdf:li>" for v in values)
    return f"<{tag}><rdf:{kind}>{items}</rdf:{kind}></{tag}>"


@dataclass
class Xmp:
    creators: list[str] | None = None
    rights: dict[str, str] | None = None
    title: dict[str, str] | None = None
    description: dict[str, str] | None = None
    credit: str | None = None
    source: str | None = None
    web_statement: str | None = None
    usage_terms: dict[str, str] | None = None
    marked: str | None = None
    cc_license: str | None = None
    attribution_name: str | None = None
    attribution_url: str | None = None
    licensor: tuple[str, str] | None = None
    copyright_owner: str | None = None
    image_supplier: str | None = None
    credit_line_required: str | None = None
    alteration_constraints: list[str] | None = None
    digital_source_type: str | None = None
    license_end_date: str | None = None

    def packet(self) -> bytes:
        body = []
        if self.creators:
            body.append(_seq("dc:creator", self.creators))
        for tag, value in (("dc:rights", self.rights), ("dc:title", self.title),
                           ("dc:description", self.description), ("xmpRights:UsageTerms", self.usage_terms)):
            if value:
                body.append(_alt(tag, value))
        for tag, text in (("photoshop:Credit", self.credit), ("photoshop:Source", self.source),
                          ("xmpRights:WebStatement", self.web_statement), ("xmpRights:Marked", self.marked),
                          ("cc:attributionName", self.attribution_name),
                          ("Iptc4xmpExt:DigitalSourceType", self.digital_source_type),
                          ("plus:CreditLineRequired", self.credit_line_required),
                          ("plus:LicenseEndDate", self.license_end_date)):
            if text:
                body.append(f"<{tag}>{escape(text)}</{tag}>")
        if self.cc_license:
            body.append(f'<cc:license rdf:resource="{escape(self.cc_license)}"/>')
        if self.attribution_url:
            body.append(f'<cc:attributionURL rdf:resource="{escape(self.attribution_url)}"/>')
        if self.licensor:
            name, url = self.licensor
            body.append("<plus:Licensor><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
                        f"<plus:LicensorName>{escape(name)}</plus:LicensorName>"
                        f"<plus:LicensorURL>{escape(url)}</plus:LicensorURL></rdf:li></rdf:Seq></plus:Licensor>")
        if self.copyright_owner:
            body.append("<plus:CopyrightOwner><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
                        f"<plus:CopyrightOwnerName>{escape(self.copyright_owner)}</plus:CopyrightOwnerName>"
                        "</rdf:li></rdf:Seq></plus:CopyrightOwner>")
        if self.image_supplier:
            body.append("<plus:ImageSupplier><rdf:Seq><rdf:li><rdf:Description "
                        f'plus:ImageSupplierName="{escape(self.image_supplier)}"/></rdf:li></rdf:Seq>'
                        "</plus:ImageSupplier>")
        if self.alteration_constraints:
            body.append(_seq("plus:ImageAlterationConstraints", self.alteration_constraints, "Bag"))
        return (
            '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
            ' xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/" xmlns:cc="http://creativecommons.org/ns#"'
            ' xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/"'
            ' xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">'
            + "".join(body)
            + '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
        ).encode("utf-8")


def jpeg(im: Image.Image | None = None, exif: bytes | None = None, xmp: Xmp | None = None,
         iptc: bytes | None = None, quality: int = 85) -> bytes:
    im = im or picture()
    buf = io.BytesIO()
    options: dict[str, object] = {"quality": quality}
    if exif:
        options["exif"] = exif
    if xmp:
        options["xmp"] = xmp.packet()
    im.save(buf, "JPEG", **options)
    data = buf.getvalue()
    return insert_app13(data, iptc) if iptc else data


def png(im: Image.Image | None = None, text: dict[str, str] | None = None, itxt: dict[str, str] | None = None,
        ztxt: dict[str, str] | None = None, xmp: Xmp | None = None, exif: bytes | None = None) -> bytes:
    info = PngImagePlugin.PngInfo()
    for key, value in (text or {}).items():
        info.add_text(key, value)
    for key, value in (ztxt or {}).items():
        info.add_text(key, value, zip=True)
    for key, value in (itxt or {}).items():
        info.add_itxt(key, value, lang="en")
    if xmp:
        info.add_itxt("XML:com.adobe.xmp", xmp.packet().decode("utf-8"), zip=True)
    buf = io.BytesIO()
    options: dict[str, object] = {"pnginfo": info}
    if exif:
        options["exif"] = exif
    (im or picture()).save(buf, "PNG", **options)
    return buf.getvalue()


def webp(im: Image.Image | None = None, exif: bytes | None = None, xmp: Xmp | None = None) -> bytes:
    buf = io.BytesIO()
    options: dict[str, object] = {"quality": 80}
    if exif:
        options["exif"] = exif
    if xmp:
        options["xmp"] = xmp.packet()
    (im or picture()).save(buf, "WEBP", **options)
    return buf.getvalue()


def tiff(im: Image.Image | None = None, exif: bytes | None = None, xmp: Xmp | None = None,
         iptc_fields: dict[tuple[int, int], str] | None = None) -> bytes:
    from PIL import TiffImagePlugin

    buf = io.BytesIO()
    ifd = TiffImagePlugin.ImageFileDirectory_v2()
    options: dict[str, object] = {}
    if exif:
        loaded = Image.Exif()
        loaded.load(exif)
        for tag, value in loaded.items():
            # Pillow hands ASCII tags back as Latin-1 text: write the original bytes back.
            ifd[tag] = value.encode("latin-1") if isinstance(value, str) else value
        sub = loaded.get_ifd(0x8769)
        if sub:
            options["exif"] = _exif_with_ifd(sub)
    if xmp:
        ifd[700] = xmp.packet()
        ifd.tagtype[700] = 1
    if iptc_fields:
        iim = build_iim([(1, 90, UTF8_MARKER)] + [(r, d, v.encode()) for (r, d), v in iptc_fields.items()])
        iim += b"\x00" * (-len(iim) % 4)
        ifd[33723] = iim
        ifd.tagtype[33723] = 7
    (im or picture()).save(buf, "TIFF", tiffinfo=ifd, **options)
    return buf.getvalue()


def _exif_with_ifd(sub: dict[int, object]) -> Image.Exif:
    exif = Image.Exif()
    exif.get_ifd(0x8769).update(sub)
    return exif


# C2PA -----------------------------------------------------------------------


@dataclass(frozen=True)
class TestSigner:
    chain_pem: bytes
    key_pem: bytes
    ca_pem: bytes


def make_signer(organization: str = "provenance tests") -> TestSigner:
    """A throwaway CA and an ES256 signing certificate it issued (EKU emailProtection)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.datetime.now(datetime.UTC)

    def name(common: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization)])

    def usage(sign: bool, ca: bool) -> x509.KeyUsage:
        return x509.KeyUsage(digital_signature=sign, content_commitment=False, key_encipherment=False,
                             data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                             encipher_only=False, decipher_only=False)

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(name("Test Root CA")).issuer_name(name("Test Root CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=3650))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(usage(False, True), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (x509.CertificateBuilder().subject_name(name("Test Signer")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(usage(True, False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    return TestSigner(
        chain_pem=leaf.public_bytes(pem) + ca.public_bytes(pem),
        key_pem=key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
        ca_pem=ca.public_bytes(pem),
    )


AI_SOURCE = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"


def c2pa_sign(source: Path, dest: Path, signer: TestSigner, author: str = "Jane Doe",
              digital_source_type: str | None = AI_SOURCE, title: str = "Harbour at dawn") -> None:
    """Sign `source` into `dest` with a manifest: author, actions, digital source type."""
    import json

    import c2pa

    created: dict[str, str] = {"action": "c2pa.created"}
    if digital_source_type:
        created["digitalSourceType"] = digital_source_type
    manifest = {
        "claim_generator_info": [{"name": "provenance-tests", "version": "0.1"}],
        "title": title,
        "assertions": [
            {"label": "c2pa.actions", "data": {"actions": [created, {"action": "c2pa.edited"}]}},
            {"label": "stds.schema-org.CreativeWork",
             "data": {"@context": "https://schema.org", "@type": "CreativeWork",
                      "author": [{"@type": "Person", "name": author}]}},
        ],
    }
    info = c2pa.C2paSignerInfo(alg=b"es256", sign_cert=signer.chain_pem, private_key=signer.key_pem, ta_url=None)
    with c2pa.Signer.from_info(info) as c2pa_signer, c2pa.Builder(json.dumps(manifest)) as builder:
        builder.sign_file(str(source), str(dest), c2pa_signer)
