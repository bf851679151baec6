import json, sys, os
from streamlit.testing.v1 import AppTest
from impact import store
import tempfile, pathlib

db = store.ensure_database(pathlib.Path(tempfile.mkdtemp()) / "b.duckdb")
os.environ["BATIK_DB_PATH"] = str(db)
page = sys.argv[1]
lang = sys.argv[2] if len(sys.argv) > 2 else "id"
at = AppTest.from_file(str(pathlib.Path("app.py").resolve()), default_timeout=60)
at.session_state["lang"] = lang
for kv in sys.argv[3:]:
    k, v = kv.split("=", 1)
    at.query_params[k] = v
at.run()
at.switch_page(page)
at.run()
print("EXC", [e.value for e in at.exception])
for m in at.metric:
    print("METRIC", m.label, "|", m.value)
for md in at.markdown:
    print("MD", md.value[:200])
for c in at.get("vega_lite_chart"):
    spec = json.loads(c.proto.spec)
    t = spec.get("title", {})
    print("CHART", t.get("text"), "|", t.get("subtitle"))
for i in at.info:
    print("INFO", i.value[:200])
