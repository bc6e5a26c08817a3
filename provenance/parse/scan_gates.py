"""The gates of the parser's whole-text scans (scan.gate_of), as pattern texts by the key of the pattern they
gate (scan.gate_key): compiled when a long text first asks, instead of read from each pattern's parse tree (about
40 ms). Written by `scripts/write_scan_gates.py`; a pattern edited since is built as it is asked for, and
`tests/parse/test_scan.py` fails until the table is written again. An empty text: the pattern has no gate."""

GATES: dict[str, str] = {
    '91ca575e352103807c159740': (
        '[^\\x00-\\x7f]|\\((?=c\\))|a(?=(?:r(?:t|ch)|[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x7f](?:[^\\x00-\\x08\\'
        'x0e-\\x1b\\x21-\\x7f][^\\x00-\\x08\\x0e-\\x1b\\x21-\\x60\\x62-\\x68\\x6a-\\x6b\\x6d-\\x6f\\x71-\\x'
        '7f]|ar|i[lm]|lo|pi)|i(?:[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x2c\\x2e-\\x7f][^\\x00-\\x08\\x0e-\\x1b\\x'
        '21-\\x2c\\x2e-\\x66\\x68-\\x7f]|ge)|l(?:bu|l[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x7f])|n(?:[^\\x00-\\x0'
        '8\\x0e-\\x1b\\x21-\\x7f][^\\x00-\\x08\\x0e-\\x1b\\x21-\\x60\\x62-\\x68\\x6a-\\x6b\\x6d-\\x6f\\x71-'
        '\\x7f]|im)|qua|ttr|ut[eho]))|f(?=(?:o(?:t|nt|od|rr)|ami|eat|ile|ram|uen))|g(?=(?:if|amb|ene|ra[fp]'
        '))|m(?=(?:a(?:p|de|nd)|e(?:di|zz)|icr|ode))|p(?=(?:ic|ain|hot|o(?:ol|rt)|rov))|3(?=d[^\\x00-\\x08'
        '\\x0e-\\x1b\\x21-\\x7f][^\\x00-\\x08\\x0e-\\x1b\\x21-\\x6c\\x6e-\\x7f])|b(?=(?:ack|eel|il[dl]|ook|'
        'ron))|c(?=(?:a[pr]t|h(?:a[nr]|ro)|lip|o(?:l[lo]|mp|nt|py|ur|ve)|r(?:e[ad]|[^\\x00-\\x7f]d)))|d(?=('
        '?:a(?:gu|ta)|igi|raw))|e(?=(?:ngr|tch))|h(?=(?:and|e(?:ad|r[eo])|uvu))|i(?=(?:l(?:lu|us)|mag|n(?:['
        '^\\x00-\\x08\\x0e-\\x1b\\x21-\\x7f][^\\x00-\\x08\\x0e-\\x1b\\x21-\\x73\\x75-\\x7f]|fo)|t[^\\x00-\\'
        'x08\\x0e-\\x1b\\x21-\\x7f][^\\x00-\\x08\\x0e-\\x1b\\x21-\\x68\\x6a-\\x7f]))|j(?=ack)|k(?=(?:a(?:ar'
        '|rt)|i(?:[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x2c\\x2e-\\x7f][^\\x00-\\x08\\x0e-\\x1b\\x21-\\x2c\\x2e-'
        '\\x66\\x68-\\x7f]|ge|ld)|uva|[^\\x00-\\x7f]ll))|l(?=(?:ara|i(?:[cz]e|st|th)|ogo|[^\\x00-\\x7f]hd))'
        '|n(?=(?:gu[^\\x00-\\x7f]|yit))|o(?=(?:msl|rig|the))|q(?=uel)|r(?=e(?:nd|p[or]))|s(?=(?:[ai]te|cre|'
        'h(?:ar|ot)|nim|our|pri|t(?:af|il|o[cpr])|u(?:mb|pp|rs)|ymb))|t(?=(?:ake|e(?:ks|[sx]t)|h(?:e[^\\x00'
        '-\\x08\\x0e-\\x1b\\x21-\\x7f]|is)|ile|op[bfp]))|u(?=(?:rhe|sed))|v(?=i(?:de|su))|w(?=(?:ate|ebc|it'
        'h|o[or]d))|z(?=d(?:j[^\\x00-\\x64\\x66-\\x7f]|ro))'
    ),
    'f1667371def2378993eb8587': (
        '[^\\x00-\\x7f]|\\((?=c\\))|b(?=(?:y[\\\t\\ ]|ild))|a(?=re[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x7f])|c(?'
        '=(?:our|r[^\\x00-\\x64\\x66-\\x7f]d))|d(?=iag)|f(?=(?:ig[\\.u]|o(?:rr|t[^\\x00-\\x6e\\x70-\\x7f]))'
        ')|i(?=(?:con|llu|mag|s[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x7f][^\\x00-\\x08\\x0e-\\x1b\\x21-\\x60\\x62'
        '-\\x6b\\x6d-\\x6f\\x71\\x73-\\x7f]))|k(?=uva)|n(?=gu[^\\x00-\\x7f])|o(?=(?:bta|rig))|p(?=(?:hot|ic'
        't))|r(?=e[dp]r)|s(?=(?:our|urs))|t(?=his)|v(?=ect)|z(?=dro)'
    ),
    '856e0029e08267545cf5e37a': (
        'b(?=(?:y|elo|ott))|p(?=(?:[ao]r|hot))|v(?=on)|a(?=bov)|f(?=(?:ot[\\.o]|rom))|i(?=nse)|l(?=eft)|m(?'
        '=ain)|r(?=igh)|t(?=op[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x39\\x3b-\\x7f])'
    ),
    'ce83057ee8e3046a1c5305bc': (
        '\\+(?=\\+\\+)|\\((?=pho)|\\-(?=(?:[\\\t\\ ](?:[\\\t\\ ][\\\t\\ b]|bi)|bil))|\\[(?=\\+[^\\x00-\\x2f'
        '\\x3a-\\x7f][^\\x00-\\x08\\x0e-\\x1b\\x21-\\x2f\\x3a-\\x7f])|a(?=tte)|f(?=ile)|m(?=and)|n(?=o[^\\x'
        '00-\\x08\\x0e-\\x1b\\x21-\\x7f][^\\x00-\\x08\\x0e-\\x1b\\x21-\\x60\\x62-\\x71\\x73-\\x7f])|p(?=urc'
        ')|t(?=(?:his|ops))|[^\\x00-\\x7f](?=(?:[\\\t\\ ](?:[\\\t\\ ][\\\t\\ \\[]|\\[\\+)|\\[\\+[^\\x00-\\x'
        '2f\\x3a-\\x7f]))'
    ),
    '3e1d2978ba29f7f289990e4c': (
        '[^\\x00-\\x7f](?=(?:[^\\x00-\\x7f]|[\\\t\\ ](?:[\\\t\\ ][\\\t\\ \\[]|\\[[\\+\\-])|\\[[\\+\\-]\\]))'
        '|\\[(?=[\\+\\-]\\])|\\.(?=\\.\\.[\\\t\\ \\[])|c(?=ame)|e(?=(?:nla|xpa))|h(?=ide)|s(?=how)|t(?=ogg)'
    ),
    'beda2df4628cc3b95152b77b': (
        '[\\\t\\\n\\\x0b\\\x0c\\\r\x1c\x1d\x1e\x1f\\ ](?=(?:[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x7f][^\\x00-\\x'
        '08\\x0e-\\x1b\\x21-\\x60\\x78-\\x79\\x7b-\\x7f]|a[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x68\\x6a-\\x6b\\x'
        '6d\\x6f-\\x70\\x73\\x76-\\x7f]|b[aeior]|c[ahlor]|d[ar]|e[nt]|f[aeioru]|g[aeir]|h[aeu]|i[lmnt]|ja|k'
        '[^\\x00-\\x60\\x62-\\x68\\x6a-\\x74\\x76-\\x7f]|l[^\\x00-\\x60\\x62-\\x68\\x6a-\\x6e\\x70-\\x7f]|m'
        '[aei]|n[gy]|om|p[ahior]|qu|re|s[acnoptuy]|t[ehio]|ur|vi|w[ao]|zd))|a(?=(?:[^\\x00-\\x08\\x0e-\\x1b'
        '\\x21-\\x7f][^\\x00-\\x08\\x0e-\\x1b\\x21-\\x60\\x62-\\x68\\x6a-\\x6b\\x6d-\\x6f\\x71-\\x7f]|i[^\\'
        'x00-\\x08\\x0e-\\x1b\\x21-\\x2c\\x2e-\\x66\\x68-\\x7f]|l[bl]|n[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x68'
        '\\x6a-\\x7f]|qu|r[ct]|[tu]t))|b(?=(?:ac|ee|il|[or]o))|c(?=(?:ar|h[ar]|li|o[lmnpuv]|r[^\\x00-\\x64'
        '\\x66-\\x7f]))|d(?=(?:a[gt]|ra))|e(?=(?:ng|tc))|f(?=(?:am|[er]a|il|o[nrt]|ue))|g(?=(?:am|en|if|ra)'
        ')|h(?=(?:an|e[ar]|uv))|i(?=(?:l[lu]|ma|nf|t[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x7f]))|j(?=ac)|k(?=(?:a'
        '[ar]|i[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x2c\\x2e-\\x66\\x68-\\x6b\\x6d-\\x7f]|uv|[^\\x00-\\x7f]l))|l'
        '(?=(?:ar|i[cstz]|og|[^\\x00-\\x7f]h))|m(?=(?:a[dnp]|ez|ic))|n(?=(?:gu|yi))|o(?=ms)|p(?=(?:ai|[hor]'
        'o|ic))|q(?=ue)|r(?=en)|s(?=(?:at|[cp]r|ni|ou|t[aio]|u[mpr]|ym))|t(?=(?:e[ksx]|hi|il|op))|u(?=rh)|v'
        '(?=i[ds])|w(?=(?:at|oo))|z(?=d[jr])|[^\\x00-\\x7f](?=(?:[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x7f][^\\x0'
        '0-\\x08\\x0e-\\x1b\\x21-\\x60\\x78-\\x79\\x7b-\\x7f]|a[^\\x00-\\x08\\x0e-\\x1b\\x21-\\x68\\x6a-\\x'
        '6b\\x6d\\x6f-\\x70\\x73\\x76-\\x7f]|b[aeior]|c[ahlor]|d[ar]|e[nt]|f[aeioru]|g[aeir]|h[aeu]|i[lmnt]'
        '|ja|k[^\\x00-\\x60\\x62-\\x68\\x6a-\\x74\\x76-\\x7f]|l[^\\x00-\\x60\\x62-\\x68\\x6a-\\x6e\\x70-\\x'
        '7f]|m[aei]|n[gy]|om|p[ahior]|qu|r[^\\x00-\\x64\\x66-\\x7f]|s[acnoptuy]|t[ehio]|ur|vi|w[ao]|zd))'
    ),
}
