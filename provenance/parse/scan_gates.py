"""The gates of the parser's whole-text scans (scan.gate_of), as pattern texts by the key of the pattern they
gate (scan.gate_key): compiled when a long text first asks, instead of read from each pattern's parse tree (about
40 ms). Written by `scripts/write_scan_gates.py`; a pattern edited since is built as it is asked for, and
`tests/parse/test_scan.py` fails until the table is written again. An empty text: the pattern has no gate."""

GATES: dict[str, str] = {
    'df6fdae1cecfbd1492ce7a4c': (
        '[^\\x00-\\x7f](?=(?:[^\\x00-\\x7f]|nh|r[^\\x00-\\x7f]))|\\((?=c\\))|3(?=d[^\\x00-\\x08\\x0e-\\x1b'
        '\\x21-\\x7f])|a(?=(?:[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x7f][^\\x00-\\x08\\x0e-\\x1b\\x21-\\x60\\x62-'
        '\\x68\\x6a-\\x6b\\x6d-\\x6f\\x71-\\x7f]|i[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x2c\\x2e-\\x66\\x68-\\x7f'
        ']|l[bl]|n[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x68\\x6a-\\x7f]|qu|r[ct]|[tu]t))|b(?=(?:ac|ee|il|[or]o))|'
        'c(?=(?:a[pr]|h[ar]|li|o[lmnpuv]|r[^\\x00-\\x64\\x66-\\x7f]))|d(?=(?:a[gt]|ig|ra))|e(?=(?:ng|tc))|f'
        '(?=(?:[er]a|il|o[nrt]|ue))|g(?=(?:am|en|if|ra))|h(?=(?:an|e[ar]|uv))|i(?=(?:l[lu]|ma|n[^\\x00-\\x0'
        '8\\x0e-\\x1b\\x21-\\x65\\x67-\\x7f]|t[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x7f]))|j(?=ac)|k(?=(?:a[ar]|i'
        '[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x2c\\x2e-\\x66\\x68-\\x6b\\x6d-\\x7f]|uv|[^\\x00-\\x7f]l))|l(?=(?:'
        'ar|i[cstz]|og|[^\\x00-\\x7f]h))|m(?=(?:a[dnp]|e[dz]|ic|od))|n(?=gu)|o(?=(?:ms|ri))|p(?=(?:ai|[hor]'
        'o|ic))|q(?=ue)|r(?=e[np])|s(?=(?:at|[cp]r|ho|ni|ou|t[aio]|u[mpr]|ym))|t(?=(?:ak|e[ksx]|h[ei]|il|op'
        '))|u(?=(?:rh|se))|v(?=i[ds])|w(?=(?:at|eb|o[or]))|z(?=d[jr])'
    ),
    '37563eb542da32babaf8858c': (
        '[^\\x00-\\x7f]|\\((?=c\\))|b(?=(?:y[\\\t\\ ]|ild))|a(?=re[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x7f])|c(?'
        '=(?:our|r[^\\x00-\\x64\\x66-\\x7f]d))|d(?=iag)|f(?=(?:ig[\\.u]|o(?:rr|t[^\\x00-\\x6e\\x70-\\x7f]))'
        ')|i(?=(?:con|llu|mag|s[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x7f][^\\x00-\\x08\\x0e-\\x1b\\x21-\\x60\\x62'
        '-\\x6b\\x6d-\\x6f\\x71\\x73-\\x7f]))|k(?=uva)|n(?=gu[^\\x00-\\x7f])|o(?=rig)|p(?=(?:hot|ict))|r(?='
        'e[dp]r)|s(?=(?:our|urs))|t(?=his)|v(?=ect)|z(?=dro)'
    ),
    '856e0029e08267545cf5e37a': (
        'b(?=(?:y|elo|ott))|p(?=(?:[ao]r|hot))|v(?=on)|a(?=bov)|f(?=(?:ot[\\.o]|rom))|i(?=nse)|l(?=eft)|m(?'
        '=ain)|r(?=igh)|t(?=op[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x39\\x3b-\\x7f])'
    ),
    '35bac94391b0d322668f9542': (
        '\\((?=pho)|\\+(?=\\+\\+[\\\t\\ d])|\\[(?=\\+[^\\x00-\\x2f\\x3a-\\x7f][^\\x00-\\x08\\x0e-\\x1b\\x21'
        '-\\x2f\\x3a-\\x7f])|a(?=tte)|f(?=ile)|m(?=and)|n(?=o[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x7f][^\\x00-\\'
        'x08\\x0e-\\x1b\\x21-\\x60\\x62-\\x71\\x73-\\x7f])|p(?=urc)|t(?=(?:his|ops))|[^\\x00-\\x7f](?=(?:['
        '\\\t\\ ](?:[\\\t\\ ][\\\t\\ \\[]|\\[\\+)|\\[\\+[^\\x00-\\x2f\\x3a-\\x7f]))'
    ),
    '3e1d2978ba29f7f289990e4c': (
        '[^\\x00-\\x7f](?=(?:[^\\x00-\\x7f]|[\\\t\\ ](?:[\\\t\\ ][\\\t\\ \\[]|\\[[\\+\\-])|\\[[\\+\\-]\\]))'
        '|\\[(?=[\\+\\-]\\])|\\.(?=\\.\\.[\\\t\\ \\[])|c(?=ame)|e(?=(?:nla|xpa))|h(?=ide)|s(?=how)|t(?=ogg)'
    ),
}
