"""Texts in Bahasa Indonesia (default) and English, and Indonesian number formatting.

Domain code returns codes and numbers; this module turns them into words. ``t`` raises on an
unknown key so that a raw key can never leak onto a page (a test walks every key).
Numbers follow PUEBI in Indonesian: thousands ``.``, decimals ``,``, ``Rp1.250.000``, ``54,5%``.
"""

from __future__ import annotations

import math

from babel.numbers import format_decimal

from impact.growth import Range

LANGS = ("id", "en")
DEFAULT_LANG = "id"
_LOCALES = {"id": "id_ID", "en": "en_US"}

# key: (Bahasa Indonesia, English). Placeholders use str.format names.
TEXTS: dict[str, tuple[str, str]] = {
    "app.title": ("Dasbor Dampak Batik Blitar", "Blitar Batik Impact Dashboard"),
    "app.language": ("Bahasa", "Language"),
    "app.tagline": (
        "Untuk perencana Bappeda dan dinas: dampak kolaborasi pada industri batik Blitar.",
        "For Bappeda and agency planners: the impact of collaboration on Blitar's batik industry.",
    ),
    "nav.overview": ("Ringkasan", "Overview"),
    "nav.upload": ("Unggah Data", "Upload data"),
    "nav.history": ("Riwayat Unggahan", "Upload history"),
    "nav.section.explore": ("Jelajahi", "Explore"),
    "nav.section.data": ("Kelola data", "Manage data"),
    "nav.section.present": ("Paparkan", "Present"),
    "signin.title": ("Masuk sebagai editor", "Sign in as editor"),
    "signin.name": ("Nama editor", "Editor name"),
    "signin.password": ("Kata sandi", "Password"),
    "signin.submit": ("Masuk", "Sign in"),
    "signin.failed": (
        "Nama atau kata sandi salah. Periksa lalu coba lagi.",
        "Wrong name or password. Check them and try again.",
    ),
    "signin.locked": (
        "Terlalu banyak percobaan gagal. Coba lagi dalam {seconds} detik.",
        "Too many failed attempts. Try again in {seconds} seconds.",
    ),
    "signin.as": ("Masuk sebagai **{name}**", "Signed in as **{name}**"),
    "signin.signout": ("Keluar", "Sign out"),
    "signin.why": (
        "Melihat dasbor terbuka untuk semua; mengunggah dan membatalkan unggahan hanya untuk editor.",
        "Viewing is open to all; uploading and reverting are for editors only.",
    ),
    "signin.disabled": (
        "Unggah data belum diaktifkan di server ini: belum ada kata sandi editor. Operator "
        "membuat hash dengan `python -m impact hash-password`, lalu menaruhnya di variabel "
        "lingkungan `BATIK_EDITOR_PASSWORD_HASH` atau di `.streamlit/secrets.toml` bagian "
        "`[editors]` (lihat README), lalu memulai ulang dasbor.",
        "Uploads are not enabled on this server: no editor password is set. The operator makes "
        "a hash with `python -m impact hash-password`, puts it in the environment variable "
        "`BATIK_EDITOR_PASSWORD_HASH` or in `.streamlit/secrets.toml` under `[editors]` (see "
        "the README), and restarts the dashboard.",
    ),
    "upload.title": ("Unggah data tahunan", "Upload yearly data"),
    "upload.intro": (
        "Unggah CSV atau XLSX berisi angka tahun baru. Seluruh berkas diperiksa dulu; tidak "
        "ada yang tersimpan sebelum Anda melihat pratinjau dan menekan Simpan.",
        "Upload a CSV or XLSX file with a new year's figures. The whole file is checked first; "
        "nothing is saved until you have seen the preview and pressed Save.",
    ),
    "upload.templates": ("Templat dan kolomnya", "Templates and their columns"),
    "upload.template_csv": ("Templat {name} (CSV)", "{name} template (CSV)"),
    "upload.template_xlsx": ("Templat {name} (XLSX)", "{name} template (XLSX)"),
    "upload.dataset": ("Jenis data", "Dataset"),
    "upload.dataset_auto": ("Kenali dari judul kolom", "Recognise from the headers"),
    "upload.file_one_limit": (
        "Berkas CSV atau XLSX (maks. {max_mb} MB)",
        "CSV or XLSX file (max {max_mb} MB)",
    ),
    "upload.file": (
        "Berkas CSV atau XLSX (CSV UTF-8 maks. {max_mb} MB; XLSX dan CSV lain maks. {cell_mb} MB)",
        "CSV or XLSX file (UTF-8 CSV up to {max_mb} MB; XLSX and other CSVs up to {cell_mb} MB)",
    ),
    "upload.sheet": ("Lembar", "Sheet"),
    "upload.detected": ("Yang terbaca dari berkas", "What was read from the file"),
    "upload.detected.format": ("Format", "Format"),
    "upload.detected.encoding": ("Pengodean", "Encoding"),
    "upload.detected.delimiter": ("Pemisah kolom", "Delimiter"),
    "upload.detected.decimal": ("Tanda desimal", "Decimal mark"),
    "upload.detected.header_row": ("Baris judul kolom", "Header row"),
    "upload.detected.title_rows": ("Baris judul di atasnya", "Title rows above it"),
    "upload.detected.dataset": ("Jenis data", "Dataset"),
    "upload.detected.rows": ("Baris data", "Data rows"),
    "upload.detected.sha256": ("SHA-256", "SHA-256"),
    "upload.errors": (
        "{count} masalah harus diperbaiki sebelum berkas bisa disimpan. Database tidak berubah.",
        "{count} problem(s) must be fixed before the file can be saved. The database is unchanged.",
    ),
    "upload.errors_many": (
        "Ada masalah pada {rows} baris; berkas belum bisa disimpan. Database tidak berubah.",
        "{rows} rows have problems; the file cannot be saved yet. The database is unchanged.",
    ),
    "upload.warnings": (
        "{count} peringatan (tidak menghalangi).",
        "{count} warning(s) (not blocking).",
    ),
    "upload.issues_download": ("Unduh daftar masalah (CSV)", "Download the list of problems (CSV)"),
    "upload.preview": ("Pratinjau", "Preview"),
    "upload.added": ("Baris baru", "New rows"),
    "upload.replaced": ("Nilai yang diganti", "Values replaced"),
    "upload.unchanged": ("Baris sama", "Unchanged rows"),
    "upload.replaced_rows": ("Baris diganti", "Rows replaced"),
    "upload.sample": (
        "Menampilkan {shown} baris pertama dari {total}.",
        "Showing the first {shown} of {total} rows.",
    ),
    "upload.nothing_new": (
        "Semua baris sudah ada dengan nilai yang sama; tidak ada yang perlu disimpan.",
        "Every row is already stored with the same values; there is nothing to save.",
    ),
    "upload.confirm": ("Simpan ke database", "Save to the database"),
    "upload.saved": (
        "Tersimpan sebagai unggahan #{id}: {added} baris baru, {replaced} diganti. Grafik sudah "
        "memakai angka baru; unggahan ini bisa dibatalkan di Riwayat Unggahan.",
        "Saved as upload #{id}: {added} new rows, {replaced} replaced. Charts already use the "
        "new figures; this upload can be reverted in Upload history.",
    ),
    "upload.stale": (
        "Data berubah sejak pratinjau (editor lain menyimpan). Tidak ada yang tersimpan; lihat "
        "pratinjau baru lalu simpan lagi.",
        "The data changed since the preview (another editor saved). Nothing was saved; check the "
        "new preview and save again.",
    ),
    "upload.busy": (
        "Database sedang dipakai proses lain. Tidak ada yang tersimpan; coba lagi sebentar lagi.",
        "The database is busy with another process. Nothing was saved; try again shortly.",
    ),
    "col.row": ("Baris", "Row"),
    "col.key": ("Kunci", "Key"),
    "col.column": ("Kolom", "Column"),
    "col.old": ("Lama", "Old"),
    "col.new": ("Baru", "New"),
    "history.title": ("Riwayat unggahan", "Upload history"),
    "history.intro": (
        "Setiap unggahan tercatat: kapan, oleh siapa, berkas dan sidik SHA-256-nya. Membatalkan "
        "unggahan mengembalikan persis nilai yang digantinya; nilai lama tidak pernah dihapus.",
        "Every upload is recorded: when, by whom, the file and its SHA-256. Reverting an upload "
        "restores exactly the values it replaced; old values are never deleted.",
    ),
    "history.empty": ("Belum ada unggahan.", "No uploads yet."),
    "history.id": ("No.", "No."),
    "history.when": ("Waktu", "When"),
    "history.editor": ("Editor", "Editor"),
    "history.file": ("Berkas", "File"),
    "history.dataset": ("Jenis data", "Dataset"),
    "history.added": ("Baru", "Added"),
    "history.replaced": ("Diganti", "Replaced"),
    "history.unchanged": ("Sama", "Unchanged"),
    "history.state": ("Keadaan", "State"),
    "history.active": ("aktif", "active"),
    "history.reverted": ("dibatalkan {when} oleh {who}", "reverted {when} by {who}"),
    "history.revert": ("Batalkan unggahan", "Revert an upload"),
    "history.pick": ("Unggahan yang dibatalkan", "Upload to revert"),
    "history.confirm": (
        "Saya mengerti: nilai yang diganti unggahan #{id} dikembalikan dan baris barunya dihapus.",
        "I understand: the values upload #{id} replaced come back and its new rows are removed.",
    ),
    "history.do_revert": ("Batalkan #{id}", "Revert #{id}"),
    "history.done": (
        "Unggahan #{id} dibatalkan: {count} baris dikembalikan.",
        "Upload #{id} reverted: {count} rows restored.",
    ),
    "history.conflict": (
        "Unggahan yang lebih baru ({later}) mengubah baris yang sama. Batalkan yang itu dulu.",
        "Later uploads ({later}) changed the same rows. Revert those first.",
    ),
    "history.signin_to_revert": (
        "Masuk sebagai editor untuk membatalkan unggahan.",
        "Sign in as an editor to revert uploads.",
    ),
    "dataset.observations": ("Angka indikator tahunan", "Yearly indicator figures"),
    "dataset.obstacles": ("Hambatan", "Obstacles"),
    "dataset.collaboration": ("Skor kolaborasi", "Collaboration scores"),
    "dataset.programs": ("Program", "Programs"),
    "dataset.enterprises": ("Catatan per unit usaha", "Enterprise records"),
    "nav.income": ("Pendapatan", "Income"),
    "nav.competitiveness": ("Daya Saing", "Competitiveness"),
    "nav.obstacles": ("Hambatan", "Obstacles"),
    "nav.collaboration": ("Tata Kelola Kolaboratif", "Collaboration"),
    "nav.programs": ("Program & Evaluasi Hasil", "Programs and outcomes"),
    "nav.sources": ("Sumber & Metodologi", "Sources and method"),
    "download.csv": ("CSV", "CSV"),
    "download.xlsx": ("Data (XLSX)", "Data (XLSX)"),
    "filter.indicator": ("Indikator", "Indicator"),
    "filter.region": ("Wilayah", "Region"),
    "filter.sector": ("Sektor", "Sector"),
    "filter.base_year": ("Tahun dasar", "Base year"),
    "filter.compare_year": ("Tahun pembanding", "Comparison year"),
    "filter.prices": ("Harga", "Prices"),
    "filter.view": ("Tampilan", "View"),
    "filter.year": ("Tahun", "Year"),
    "filter.category": ("Kategori", "Category"),
    "filter.obstacle": ("Hambatan", "Obstacle"),
    "filter.status": ("Status", "Status"),
    "filter.all": ("Semua", "All"),
    "prices.nominal": ("Nominal (harga berlaku)", "Nominal (current prices)"),
    "prices.real": ("Riil (harga tahun dasar, IHK BPS)", "Real (base-year prices, BPS CPI)"),
    "view.level": ("Nilai", "Values"),
    "view.index": ("Indeks (tahun dasar = 100)", "Index (base year = 100)"),
    "view.yoy": ("Perubahan tahunan (%)", "Year-on-year change (%)"),
    "empty.series": (
        "Belum ada data untuk pilihan ini. Pilih wilayah atau sektor lain, atau tambahkan angkanya "
        "lewat halaman Unggah Data.",
        "There are no figures for this choice yet. Pick another region or sector, or add them on "
        "the Upload data page.",
    ),
    "empty.years": (
        "Perlu angka untuk sedikitnya dua tahun agar perubahan bisa dihitung. Tambahkan lewat "
        "halaman Unggah Data.",
        "At least two years of figures are needed to compute a change. Add them on the Upload "
        "data page.",
    ),
    "empty.inflation": (
        "Angka riil belum bisa dihitung: inflasi {year} belum ada di data. Tampilkan nominal, atau "
        "unggah inflasi BPS tahun itu.",
        "Real terms cannot be computed yet: inflation for {year} is missing. Show nominal, or "
        "upload BPS inflation for that year.",
    ),
    "empty.base": (
        "Perubahan tidak bisa dihitung dari nilai dasar nol atau negatif. Pilih tahun dasar lain.",
        "A change cannot be computed from a zero or negative base. Pick another base year.",
    ),
    "card.change": ("Perubahan {start} → {end}", "Change {start} → {end}"),
    "card.absolute": ("Selisih", "Difference"),
    "card.percent": ("Perubahan", "Change"),
    "card.cagr": ("Laju per tahun (CAGR)", "Yearly rate (CAGR)"),
    "card.points": ("Poin persen", "Percentage points"),
    "card.relative": ("Perubahan relatif", "Relative change"),
    "card.status_of": (
        "Status angka ujung: {start} {start_status}, {end} {end_status}",
        "Status of the end figures: {start} {start_status}, {end} {end_status}",
    ),
    "income.title": ("Pendapatan pelaku usaha batik", "Batik entrepreneurs' income"),
    "income.intro": (
        "Pilih wilayah, sektor dan dua tahun. Pendapatan adalah nilai tingkat: perubahannya "
        "dalam persen dan laju majemuk per tahun (CAGR); riil berarti setelah inflasi.",
        "Pick a region, a sector and two years. Income is a level: its change is in percent and "
        "a compound yearly rate (CAGR); real means after inflation.",
    ),
    "income.chart.title": (
        "{name}: {change} dari {start} ke {end}",
        "{name}: {change} from {start} to {end}",
    ),
    "income.chart.yoy": (
        "{name}: perubahan dari tahun ke tahun",
        "{name}: change from year to year",
    ),
    "income.derived": (
        "Seri ini dihitung dari catatan per unit usaha (rata-rata per tahun, n di tabel), bukan "
        "dari seri indikator; statusnya mengikuti catatan itu.",
        "This series is computed from enterprise records (yearly mean, n in the table), not from "
        "the indicator series; its status follows those records.",
    ),
    "income.real_suffix": (" (riil, harga {base})", " (real, {base} prices)"),
    "comp.title": ("Daya saing produk batik", "Batik product competitiveness"),
    "comp.intro": (
        "Skor daya saing dalam persen (0–100). Perubahan skor ditulis dalam poin persen; "
        "perubahan relatif menyusul dalam kurung.",
        "The competitiveness score in percent (0–100). Changes of a score are in percentage "
        "points; the relative change follows in brackets.",
    ),
    "comp.drivers.title": (
        "Tiga pendorong daya saing: {top} naik paling banyak ({points})",
        "Three drivers of competitiveness: {top} rose most ({points})",
    ),
    "comp.drivers.caption": (
        "Kualitas produk, pengelolaan merek dan jangkauan pasar adalah tiga pendorong yang disebut "
        "studi. Skor per komponen bernilai ilustratif sampai Disperindag menerbitkannya.",
        "Product quality, brand management and market reach are the three drivers the study names. "
        "Component scores are illustrative until the industry agency publishes them.",
    ),
    "comp.component": ("Komponen", "Component"),
    "comp.score": ("Skor (%)", "Score (%)"),
    "obst.title": (
        "Hambatan dan angka yang ditahannya",
        "Obstacles and the figures they hold back",
    ),
    "obst.intro": (
        "Empat kategori hambatan menurut studi, tingkat keparahannya dari tahun ke tahun, dan angka "
        "yang terdampak. Keparahan 1–5 adalah konvensi dasbor ini.",
        "The study's four kinds of obstacles, their severity year by year, and the figures they "
        "affect. The 1–5 severity is this dashboard's own convention.",
    ),
    "obst.heat.title": (
        "Hambatan terberat {year}: {items}",
        "Most severe obstacles in {year}: {items}",
    ),
    "obst.severity": ("Keparahan (1–5)", "Severity (1–5)"),
    "obst.item": ("Hambatan", "Obstacle"),
    "obst.links": ("Angka yang terdampak: {item}", "Figures affected: {item}"),
    "obst.links.none": (
        "Belum ada kaitan untuk hambatan ini.",
        "No links recorded for this obstacle.",
    ),
    "obst.link.table": ("Semua kaitan hambatan → angka", "All obstacle → figure links"),
    "obst.program.title": (
        "{program}: {count_start} kegiatan pada {start}, {count_end} pada {end}",
        "{program}: {count_start} activities in {start}, {count_end} in {end}",
    ),
    "obst.activities": ("Jumlah kegiatan", "Activities"),
    "collab.title": (
        "Tata kelola kolaboratif (Ansell & Gash)",
        "Collaborative governance (Ansell & Gash)",
    ),
    "collab.intro": (
        "Lima elemen proses kolaborasi dinilai oleh tiap pihak. Studi menemukan tiap pihak menilai "
        "sendiri-sendiri dan persepsinya berbeda; grafik menunjukkan di mana bedanya paling lebar.",
        "The five elements of the collaborative process, scored by each party. The study found each "
        "party evaluates separately and perceptions differ; the chart shows where they differ most.",
    ),
    "collab.scale": (
        "Skala 1–5 adalah konvensi dasbor ini (1 = belum ada, 5 = kuat); Ansell & Gash tidak "
        "memberi rubrik angka.",
        "The 1–5 scale is this dashboard's own convention (1 = absent, 5 = strong); Ansell & Gash "
        "give no numeric rubric.",
    ),
    "collab.chart.title": (
        "Pandangan paling berbeda soal {element}: {high_actor} {high}, {low_actor} {low}",
        "Views differ most on {element}: {high_actor} {high}, {low_actor} {low}",
    ),
    "collab.element": ("Elemen", "Element"),
    "collab.actor": ("Pihak", "Party"),
    "collab.score": ("Skor (1–5)", "Score (1–5)"),
    "collab.spread": ("Selisih tertinggi–terendah", "Highest–lowest gap"),
    "collab.low": ("Terendah", "Lowest"),
    "collab.high": ("Tertinggi", "Highest"),
    "collab.low_actor": ("Dinilai terendah oleh", "Lowest according to"),
    "collab.high_actor": ("Dinilai tertinggi oleh", "Highest according to"),
    "collab.evidence": ("Bukti dari studi", "Evidence from the study"),
    "element.dialogue": ("Dialog tatap muka", "Face-to-face dialogue"),
    "element.trust": ("Membangun kepercayaan", "Trust-building"),
    "element.commitment": ("Komitmen pada proses", "Commitment to the process"),
    "element.understanding": ("Pemahaman bersama", "Shared understanding"),
    "element.outcomes": ("Hasil sementara", "Intermediate outcomes"),
    "actor.government": ("Pemerintah daerah", "Local government"),
    "actor.association": ("Asosiasi (ABABIL)", "Association (ABABIL)"),
    "actor.entrepreneurs": ("Pelaku usaha", "Entrepreneurs"),
    "prog.title": ("Program dan evaluasi hasil", "Programs and outcomes"),
    "prog.intro": (
        "Studi meminta evaluasi berbasis hasil: program dinilai dari yang sampai ke perajin "
        "(pendapatan, daya saing, lapangan kerja), bukan dari banyaknya kegiatan. Keluaran di kiri, "
        "hasil di kanan.",
        "The study asks for outcome-based evaluation: judge programs by what reached the artisans "
        "(income, competitiveness, jobs), not by how many events ran. Outputs on the left, "
        "outcomes on the right.",
    ),
    "prog.outputs": ("Keluaran (output)", "Outputs"),
    "prog.outcomes": ("Hasil (outcome)", "Outcomes"),
    "prog.count.title": (
        "Kegiatan program per tahun: {total_end} pada {end} dibanding {total_start} pada {start}",
        "Program activities per year: {total_end} in {end} against {total_start} in {start}",
    ),
    "prog.budget.title": (
        "Anggaran program {change} dari {start} ke {end}",
        "Program budget {change} from {start} to {end}",
    ),
    "prog.program": ("Program", "Program"),
    "prog.count": ("Jumlah kegiatan", "Activities"),
    "prog.budget": ("Anggaran (Rp)", "Budget (Rp)"),
    "prog.targets": ("Target dan realisasi {year}", "Targets and actuals {year}"),
    "prog.target": ("Target", "Target"),
    "prog.actual": ("Realisasi", "Actual"),
    "prog.attainment": ("Capaian", "Attainment"),
    "prog.participants": ("Peserta", "Participants"),
    "prog.cost": ("Biaya per peserta", "Cost per participant"),
    "prog.cost_note": (
        "Biaya per peserta = anggaran / peserta. Biaya per hasil (misalnya per kenaikan pendapatan) "
        "tidak dihitung: data belum bisa memisahkan dampak tiap program.",
        "Cost per participant = budget / participants. Cost per outcome (e.g. per income gain) is "
        "not computed: the data cannot yet separate each program's effect.",
    ),
    "prog.outcome.income": ("Pendapatan (indeks 2021=100)", "Income (index 2021=100)"),
    "prog.outcome.comp": ("Daya saing (%)", "Competitiveness (%)"),
    "prog.outcome.jobs": ("Tenaga kerja batik (orang)", "Batik workers (people)"),
    "prog.outcome.title": (
        "{name}: {change} dari {start} ke {end}",
        "{name}: {change} from {start} to {end}",
    ),
    "src.title": ("Sumber dan metodologi", "Sources and method"),
    "src.intro": (
        "Setiap indikator dengan metadata dan rumusnya, dan setiap angka dengan status dan "
        "sumbernya. Tabel bisa disaring dan diunduh.",
        "Every indicator with its metadata and formula, and every figure with its status and "
        "source. The table can be filtered and downloaded.",
    ),
    "src.indicators": ("Indikator", "Indicators"),
    "src.data": ("Semua angka", "All figures"),
    "src.method": ("Cara menghitung", "How figures are computed"),
    "src.method.text": (
        "- **Nilai tingkat** (Rp, jumlah, indeks): selisih, perubahan persen = (akhir/awal − 1) × 100, "
        "CAGR = ((akhir/awal)^(1/tahun) − 1) × 100.\n"
        "- **Skor dan pangsa** (%): perubahan dalam **poin persen** (85 − 55 = +30 poin persen) dan "
        "perubahan relatif (+54,5%).\n"
        "- **Rentang** yang dilaporkan (50–70%) dihitung utuh: batas bawah dan atas dibawa ke laju "
        "tahunan (22,5–30,4% per tahun) dan ke angka riil.\n"
        "- **Riil**: nominal dibagi indeks harga yang dirangkai dari inflasi IHK Desember-ke-Desember "
        "BPS (nasional; Blitar bukan kota IHK BPS), harga tahun dasar.\n"
        "- **Status**: dilaporkan (terbit dari sumber bernama), estimasi, ilustratif (bukan data "
        "resmi, dipilih tim dasbor; selalu tampil berongga/putus-putus).\n"
        "- Skala **1–5** untuk keparahan hambatan dan skor kolaborasi adalah konvensi dasbor ini.",
        "- **Levels** (Rp, counts, indices): difference, percent change = (end/start − 1) × 100, "
        "CAGR = ((end/start)^(1/years) − 1) × 100.\n"
        "- **Scores and shares** (%): change in **percentage points** (85 − 55 = +30 pp) and the "
        "relative change (+54.5%).\n"
        "- A reported **range** (50–70%) is carried whole: both bounds go into the yearly rate "
        "(22.5–30.4% a year) and into real terms.\n"
        "- **Real**: nominal divided by a price index chained from BPS December-on-December CPI "
        "inflation (national; Blitar is not a BPS CPI city), in base-year prices.\n"
        "- **Status**: reported (published by a named source), estimated, illustrative (not "
        "official, chosen by the dashboard team; always drawn hollow/dashed).\n"
        "- The **1–5** scale of obstacle severity and collaboration scores is this dashboard's "
        "own convention.",
    ),
    "col.code": ("Kode", "Code"),
    "col.name": ("Nama", "Name"),
    "col.definition": ("Definisi", "Definition"),
    "col.formula": ("Rumus", "Formula"),
    "col.unit": ("Satuan", "Unit"),
    "col.kind": ("Jenis", "Kind"),
    "col.frequency": ("Frekuensi", "Frequency"),
    "col.agency": ("Produsen data", "Producing agency"),
    "col.region": ("Wilayah", "Region"),
    "col.sector": ("Sektor", "Sector"),
    "col.low": ("Batas bawah", "Low"),
    "col.high": ("Batas atas", "High"),
    "kind.level": ("nilai tingkat", "level"),
    "kind.share": ("pangsa (%)", "share (%)"),
    "kind.score": ("skor (%)", "score (%)"),
    "kind.count": ("jumlah", "count"),
    "kind.index": ("indeks", "index"),
    "kind.rate": ("laju (%)", "rate (%)"),
    "nav.equity": ("Pemerataan Manfaat", "Who gained"),
    "eq.title": (
        "Pemerataan manfaat: siapa yang naik pendapatannya",
        "Who gained: income growth across enterprises",
    ),
    "eq.intro": (
        "Kenaikan 50–70% adalah rata-rata; studi mencatat manfaat belum merata ke perajin kecil. "
        "Dari catatan per unit usaha: sebaran pertumbuhan, per skala usaha dan wilayah, dan peserta "
        "program dibanding bukan peserta. Setiap angka disertai jumlah usaha di belakangnya.",
        "The 50–70% is an average; the study notes benefits do not reach small artisans evenly. From "
        "enterprise records: the spread of growth, by size class and region, and program "
        "participants against non-participants. Every figure gives the number of enterprises behind it.",
    ),
    "eq.empty": (
        "Belum ada catatan per unit usaha. Unggah dengan templat 'Catatan per unit usaha' di halaman "
        "Unggah Data (id usaha cukup berupa kode, tanpa nama).",
        "No enterprise records yet. Upload them with the 'Enterprise records' template on the Upload "
        "data page (a pseudonymous code per enterprise, no names).",
    ),
    "eq.median": ("Pertumbuhan median", "Median growth"),
    "eq.iqr": ("Separuh usaha di tengah", "Middle half of enterprises"),
    "eq.share50": ("Usaha yang naik ≥ 50%", "Enterprises up ≥ 50%"),
    "eq.n": ("Usaha dihitung", "Enterprises counted"),
    "eq.excluded": (
        "Tidak dihitung: {missing} usaha tanpa angka di salah satu tahun, {zero} usaha berpendapatan "
        "nol di tahun dasar.",
        "Not counted: {missing} enterprises without a figure in one of the years, {zero} with zero "
        "income in the base year.",
    ),
    "eq.hist.title": (
        "Sebaran pertumbuhan pendapatan {start}–{end}: median {median}, {share} usaha naik ≥ 50%",
        "Spread of income growth {start}–{end}: median {median}, {share} of enterprises up ≥ 50%",
    ),
    "eq.hist.x": ("Pertumbuhan pendapatan (%)", "Income growth (%)"),
    "eq.hist.y": ("Jumlah usaha", "Enterprises"),
    "eq.by.title": (
        "Pertumbuhan median per {group}: {top} tertinggi ({value})",
        "Median growth by {group}: {top} highest ({value})",
    ),
    "eq.group.size_class": ("skala usaha", "size class"),
    "eq.group.region": ("wilayah", "region"),
    "eq.group.participant": ("keikutsertaan program", "program participation"),
    "eq.participants": ("Peserta program", "Program participants"),
    "eq.others": ("Bukan peserta", "Non-participants"),
    "eq.gap": (
        "Selisih median peserta − bukan peserta: {gap} ({n1} peserta, {n2} bukan peserta). Ini "
        "perbandingan, bukan bukti sebab-akibat: peserta bisa berbeda sejak awal.",
        "Median gap, participants − non-participants: {gap} ({n1} participants, {n2} others). A "
        "comparison, not proof of cause: participants may differ from the start.",
    ),
    "eq.small": (
        "⚠ kelompok kecil (< {n} usaha): angka rapuh",
        "⚠ small group (< {n} enterprises): fragile figure",
    ),
    "eq.source": (
        "Sumber angka di halaman ini: catatan per unit usaha ({sources}). Angka agregat di halaman "
        "lain berasal dari seri indikator, bukan dari catatan ini.",
        "Source of the figures on this page: enterprise records ({sources}). Aggregate figures on "
        "other pages come from the indicator series, not from these records.",
    ),
    "eq.mean.title": (
        "Rata-rata pendapatan per usaha dari catatan usaha",
        "Average income per enterprise from the records",
    ),
    "size.micro": ("Mikro", "Micro"),
    "size.small": ("Kecil", "Small"),
    "size.medium": ("Menengah", "Medium"),
    "nav.creative": ("Ekonomi Kreatif", "Creative economy"),
    "ce.title": (
        "Ekonomi kreatif Blitar: batik di antara subsektor lain",
        "Blitar's creative economy: batik among the other subsectors",
    ),
    "ce.intro": (
        "Batik adalah satu dari beberapa subsektor ekonomi kreatif Blitar, bersama kriya, seni rupa, "
        "desain, musik dan film. Indikator utama ekonomi kreatif nasional: nilai tambah, ekspor, "
        "investasi dan tenaga kerja (Kemenparekraf/BPS).",
        "Batik is one of several creative-economy subsectors in Blitar, with crafts, fine art, "
        "design, music and film. The national creative-economy headline indicators are value added, "
        "exports, investment and workers (Kemenparekraf/BPS).",
    ),
    "ce.illustrative": (
        "Sumber naratif (artikel tentang Blitar sebagai pusat industri kreatif) tidak memberi angka; "
        "semua angka subsektor di halaman ini ilustratif sampai BPS atau dinas menerbitkannya.",
        "The narrative source (an article on Blitar as a creative-industry centre) gives no numbers; "
        "every subsector figure on this page is illustrative until BPS or an agency publishes it.",
    ),
    "ce.multiples.title": (
        "{name} per subsektor, skala sama: {top} tumbuh paling cepat ({change}, {start}–{end})",
        "{name} by subsector, one scale: {top} grew fastest ({change}, {start}–{end})",
    ),
    "ce.share.title": (
        "Batik {share} dari {name} pada {year}",
        "Batik is {share} of {name} in {year}",
    ),
    "ce.share.y": ("Pangsa batik (%)", "Batik's share (%)"),
    "ce.share.none": (
        "Pangsa tidak dihitung: {name} tidak bisa dijumlahkan antarsubsektor (satuan {unit}).",
        "No share computed: {name} cannot be added up across subsectors (unit {unit}).",
    ),
    "ce.share.partial": (
        "Tahun dengan subsektor yang belum lengkap tidak dihitung pangsanya.",
        "Years with a subsector missing get no share.",
    ),
    "ce.growth.title": (
        "Pertumbuhan {name} per subsektor, {start}–{end}",
        "Growth of {name} by subsector, {start}–{end}",
    ),
    "ce.growth.x": ("Perubahan ({unit})", "Change ({unit})"),
    "ce.subsector": ("Subsektor", "Subsector"),
    "ce.revenue.title": (
        "Pajak dan retribusi dari ekonomi kreatif: {total} pada {year}, batik {batik}",
        "Taxes and levies from the creative economy: {total} in {year}, batik {batik}",
    ),
    "ce.young.title": (
        "Pekerja muda (15–30 tahun): terbanyak di {top} ({share}) pada {year}",
        "Young workers (15–30): highest share in {top} ({share}) in {year}",
    ),
    "ce.jobs": ("Pendapatan daerah dan lapangan kerja", "Regional revenue and jobs"),
    "overview.heading": (
        "Kolaborasi menaikkan pendapatan dan daya saing batik Blitar",
        "Collaboration raised Blitar batik income and competitiveness",
    ),
    "overview.intro": (
        "Temuan utama studi tentang kolaborasi Dinas Koperasi dan UM, Disbudpar, Disperindag dan "
        "Asosiasi Batik Blitar Asli (ABABIL), 2021–2023. Setiap angka diberi sumber dan status.",
        "Headline findings of the study of collaboration between the Cooperatives and Micro "
        "Enterprise, Culture and Tourism, and Industry and Trade agencies and the Blitar batik "
        "association ABABIL, 2021–2023. Every figure carries its source and status.",
    ),
    "overview.figures": ("angka utama", "headline"),
    "card.income.label": ("Pendapatan pelaku usaha batik", "Batik entrepreneurs' income"),
    "card.income.cagr": (
        "≈ {cagr} per tahun (laju majemuk, CAGR)",
        "≈ {cagr} a year (compound, CAGR)",
    ),
    "card.income.real": (
        "Riil setelah inflasi nasional {start}–{end} (BPS): {real}",
        "Real, after national inflation {start}–{end} (BPS): {real}",
    ),
    "card.comp.label": ("Skor daya saing produk batik", "Batik product competitiveness score"),
    "card.comp.delta": ("{points} ({relative} relatif)", "{points} ({relative} relative)"),
    "card.period": ("{start} → {end}", "{start} → {end}"),
    "card.computed": (
        "Dihitung dari angka yang dilaporkan",
        "Computed from the reported figures",
    ),
    "status.reported": ("Dilaporkan", "Reported"),
    "status.estimated": ("Estimasi", "Estimated"),
    "status.illustrative": ("Ilustratif", "Illustrative"),
    "status.legend": ("Status angka", "Figure status"),
    "status.range": ("Rentang dilaporkan", "Reported range"),
    "source.line": ("Sumber: {source}", "Source: {source}"),
    "source.illustrative_note": (
        "Titik berongga dan garis putus-putus: angka ilustratif, bukan data resmi.",
        "Hollow points and dashed lines: illustrative figures, not official data.",
    ),
    "source.band_note": (
        "Area biru: rentang yang dilaporkan, ditarik dari titik-titik yang dilaporkan.",
        "Blue area: the reported range, drawn between reported points.",
    ),
    "chart.year": ("Tahun", "Year"),
    "chart.income.title": (
        "Pendapatan pelaku batik {verb} {range} dari {start} ke {end}",
        "Batik entrepreneurs' income {verb} {range} from {start} to {end}",
    ),
    "chart.income.y": ("Indeks pendapatan ({base}=100)", "Income index ({base}=100)"),
    "chart.comp.title": (
        "Daya saing produk {verb} {points}, dari {start_value} ke {end_value}",
        "Product competitiveness {verb} {points}, from {start_value} to {end_value}",
    ),
    "chart.comp.y": ("Skor daya saing (%)", "Competitiveness score (%)"),
    "table.show": ("Lihat data", "Show data"),
    "table.year": ("Tahun", "Year"),
    "table.value": ("Nilai", "Value"),
    "table.status": ("Status", "Status"),
    "table.source": ("Sumber", "Source"),
    "table.note": ("Catatan", "Note"),
    "unit.pp": ("poin persen", "percentage points"),
    "verb.up": ("naik", "rose"),
    "verb.down": ("turun", "fell"),
    "verb.mixed": ("berubah", "changed"),
    "range.to": ("s.d.", "to"),
    "obstacles.heading": (
        "Yang menahan dampak: empat kategori hambatan",
        "What holds the impact back: four kinds of obstacles",
    ),
    "obstacles.caption": (
        "Hambatan menurut studi. Tingkat keparahan 1–5 adalah konvensi dasbor ini dan bernilai "
        "ilustratif; studi tidak memberi skor.",
        "Obstacles as named by the study. The 1–5 severity is this dashboard's own convention and "
        "illustrative; the study gives no scores.",
    ),
    "obstacles.severity": (
        "Keparahan {severity}/5 ({year}, {status})",
        "Severity {severity}/5 ({year}, {status})",
    ),
    "category.structural": ("Struktural", "Structural"),
    "category.technical": ("Teknis", "Technical"),
    "category.coordination": ("Koordinasi", "Coordination"),
    "category.resources": ("Sumber daya", "Resources"),
    "empty.no_data": (
        "Belum ada data {what} untuk {year}. Tambahkan lewat unggah data tahunan.",
        "No {what} data for {year} yet. Add it through the yearly data upload.",
    ),
    "overview.method": (
        "Perubahan skor dihitung dalam poin persen (55% → 85% = +30 poin persen, naik 54,5% "
        "relatif). Rentang 50–70% dibawa utuh ke laju tahunan dan angka riil.",
        "Score changes are in percentage points (55% → 85% = +30 percentage points, a 54.5% "
        "relative rise). The 50–70% range is carried whole into the yearly rate and real terms.",
    ),
}


from impact.report_texts import REPORT_TEXTS  # noqa: E402  (the deck's wording, kept apart)

TEXTS |= REPORT_TEXTS


class UnknownTextError(KeyError):
    """A text key with no translation: a bug, caught by the tests, never shown raw."""


def normalize_lang(lang: str | None) -> str:
    """'en' or 'id' (the default) from anything a URL or widget may hold."""
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str, **params: object) -> str:
    """The text for ``key`` in ``lang``, with ``params`` filled in."""
    try:
        id_text, en_text = TEXTS[key]
    except KeyError:
        raise UnknownTextError(key) from None
    text = en_text if normalize_lang(lang) == "en" else id_text
    return text.format(**params) if params else text


def label(prefix: str, code: str, lang: str) -> str:
    """Text of a code in a family, e.g. label('status', 'reported', 'id') -> 'Dilaporkan'."""
    return t(f"{prefix}.{code}", lang)


def _pattern(decimals: int, fixed: bool) -> str:
    # '#,##0.#' drops a trailing zero (50 -> '50', 54.545 -> '54,5'); fixed keeps it ('50,0').
    return "#,##0" + ("." + ("0" if fixed else "#") * decimals if decimals > 0 else "")


def format_number(
    x: float | None, lang: str, decimals: int = 1, signed: bool = False, fixed: bool = False
) -> str:
    """1234.5 -> '1.234,5' (id) / '1,234.5' (en); a missing value -> an en dash."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    pattern = _pattern(decimals, fixed)
    text = format_decimal(x, format=pattern, locale=_LOCALES[normalize_lang(lang)])
    if signed and x > 0 and text.strip("0,.") != "":
        text = "+" + text
    return text.replace("-", "−")


def format_percent(x: float | None, lang: str, decimals: int = 1, signed: bool = False) -> str:
    """A value already in percent units: 54.545 -> '54,5%'."""
    text = format_number(x, lang, decimals, signed)
    return text if text == "–" else text + "%"


def format_points(x: float | None, lang: str, decimals: int = 1, signed: bool = True) -> str:
    """A percentage-point change: 30 -> '+30 poin persen'."""
    return f"{format_number(x, lang, decimals, signed)} {t('unit.pp', lang)}"


def format_rupiah(x: float | None, lang: str) -> str:
    """Whole rupiah, PUEBI style: 1250000 -> 'Rp1.250.000'."""
    text = format_number(x, lang, 0)
    return text if text == "–" else "Rp" + text


def format_range(
    r: Range, lang: str, unit: str = "", decimals: int = 1, signed: bool = False
) -> str:
    """A range with its unit once: '50–70%'; a point range prints as one value.

    When the range crosses zero the words 's.d.'/'to' replace the dash so a minus sign
    never sits beside the dash.
    """
    # Both ends with the same number of decimals ('38,6–57,0%'), none if both are whole.
    fixed = any(round(v, decimals) != round(v) for v in (r.low, r.high))
    low = format_number(r.low, lang, decimals, signed, fixed)
    if r.is_point or low == format_number(r.high, lang, decimals, signed, fixed):
        return low + unit
    high = format_number(r.high, lang, decimals, signed and r.low < 0, fixed)
    if r.low < 0:
        return f"{low}{unit} {t('range.to', lang)} {high}{unit}"
    return f"{low}–{high}{unit}"


def describe_change(r: Range, lang: str, unit: str = "%", decimals: int = 0) -> tuple[str, str]:
    """(verb, magnitude) for a finding title: (naik, '50–70%'), (turun, '5%'), or, when the
    range spans zero, (berubah, '−5% s.d. +10%'). The verb carries the sign, so the number
    never reads 'naik −5%'."""
    if r.low >= 0:
        return t("verb.up", lang), format_range(r, lang, unit, decimals)
    if r.high <= 0:
        return t("verb.down", lang), format_range(Range(-r.high, -r.low), lang, unit, decimals)
    return t("verb.mixed", lang), format_range(r, lang, unit, decimals, signed=True)


def chart_locale(lang: str) -> dict:
    """d3 number locale for Vega-Lite's ``config.locale`` (d3 has no 'id-ID' by name).

    English keeps the rupiah sign too, so a '$' format never shows dollars.
    """
    if normalize_lang(lang) == "id":
        return {
            "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]}
        }
    return {"number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["Rp", ""]}}
