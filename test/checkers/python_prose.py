# The text a person reads in Python files: comments and string literals (docstrings, log lines, messages), found
# by Python's own tokenizer so that code is never taken for prose. Prints [[path, line, text], ...] as JSON.
import io, json, sys, tokenize, ast

found = []
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        source = handle.read()
    for token in tokenize.tokenize(io.BytesIO(source).readline):
        if token.type == tokenize.COMMENT:
            found.append([path, token.start[0], token.string.lstrip("#").strip()])
        elif token.type == tokenize.STRING:
            text = token.string
            try:
                text = ast.literal_eval(text)
            except (ValueError, SyntaxError):
                # An f-string (before Python 3.12 it is one STRING token): its literal parts are prose.
                text = text.lstrip("rbfRBF").strip("\"'")
            if isinstance(text, str):
                found.append([path, token.start[0], text])
print(json.dumps(found, ensure_ascii=False))
