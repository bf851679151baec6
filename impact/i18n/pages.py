"""Texts of the dashboard pages: overview, income, competitiveness, obstacles, collaboration,
programs, sources and method, equity and the creative economy.

key: (Bahasa Indonesia, English). Placeholders use str.format names.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "income.title": ("Pendapatan pelaku usaha batik", "Batik entrepreneurs' income"),
    "income.intro": (
        "Pilih wilayah, sektor dan dua tahun. Pendapatan adalah nilai tingkat: perubahannya "
        "dalam persen dan laju majemuk per tahun (CAGR); riil berarti setelah inflasi.",
        "Pick a region, a sector and two years. Income is a level: its change is in percent and "
        "a compound yearly rate (CAGR); real means after inflation.",
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
    "income.deflator": ("Inflasi untuk harga riil", "Inflation for real prices"),
    "income.deflator.help": (
        "Hanya wilayah yang punya inflasi IHK Desember ke Desember untuk setiap tahun seri ini; "
        "tahun yang kosong tidak diisi.",
        "Only regions with December-on-December CPI inflation for every year of this series; "
        "a missing year is never filled in.",
    ),
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
        "Hambatan terberat {year}: {items} ({severity}/5)",
        "Most severe obstacle in {year}: {items} ({severity}/5)",
    ),
    "obst.heat.title.tie": (
        "{count} dari {total} hambatan sama-sama terberat pada {year} ({severity}/5): {items}",
        "{count} of {total} obstacles tie as most severe in {year} ({severity}/5): {items}",
    ),
    "obst.heat.more": (" dan {count} lainnya", " and {count} more"),
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
    "src.title": ("Sumber dan metodologi", "Sources and method"),
    "src.intro": (
        "Setiap indikator dengan metadata dan rumusnya, dan setiap angka dengan status dan "
        "sumbernya. Tabel bisa disaring dan diunduh.",
        "Every indicator with its metadata and formula, and every figure with its status and "
        "source. The table can be filtered and downloaded.",
    ),
    "src.indicators": ("Indikator", "Indicators"),
    "src.data": ("Semua angka", "All figures"),
    "src.current": ("Data saat ini untuk diedit", "Current data to edit"),
    "src.current.intro": (
        "Setiap kumpulan data sebagai templat unggahnya, berisi semua baris yang tersimpan "
        "sekarang. Ubah di Excel lalu unggah lagi di halaman Unggah Data (perlu masuk sebagai "
        "editor): pratinjau hanya menunjukkan yang berubah.",
        "Each dataset as its upload template, holding every row stored now. Edit it in Excel "
        "and upload it back on the Upload page (editor sign-in needed): the preview shows "
        "only what changed.",
    ),
    "src.current.editor_only": (
        "{name}: data per unit usaha hanya bisa diunduh editor yang sudah masuk (halaman "
        "Unggah Data); halaman Pemerataan menampilkan ringkasannya.",
        "{name}: per-enterprise data can be downloaded only by a signed-in editor (Upload "
        "page); the Equity page shows their summary.",
    ),
    "src.method": ("Cara menghitung", "How figures are computed"),
    "src.suppression": (
        "**Kerahasiaan usaha.** Angka dari catatan per unit usaha (halaman Pemerataan, "
        "Pendapatan dan bahan paparan) hanya ditampilkan untuk kelompok dengan sedikitnya "
        "{n} usaha. Kelompok yang lebih kecil tidak ditampilkan, juga tidak di tabel, data "
        "grafik, unduhan, slide dan ringkasan. Bila hanya satu kelompok tidak ditampilkan, "
        "kelompok terkecil berikutnya juga tidak, agar angkanya tidak bisa dihitung dari total. "
        "Jumlah usaha per kelompok tetap disebut; catatan per usaha hanya bisa diunduh editor "
        "yang sudah masuk.",
        "**Enterprise confidentiality.** Figures from enterprise records (the Equity and Income "
        "pages and the hearing pack) are shown only for groups of at least {n} enterprises. "
        "Smaller groups are not shown, nor in tables, chart data, downloads, slides and the "
        "brief. When only one group would be hidden, the next smallest is hidden too, so that "
        "its figure cannot be worked out from the total. How many enterprises each group has is "
        "still said; the records themselves can be downloaded only by a signed-in editor.",
    ),
    "src.method.text": (
        "- **Nilai tingkat** (Rp, jumlah, indeks): selisih, perubahan persen = (akhir/awal − 1) × 100, "
        "CAGR = ((akhir/awal)^(1/tahun) − 1) × 100.\n"
        "- **Skor dan pangsa** (%): perubahan dalam **poin persen** (85 − 55 = +30 poin persen) dan "
        "perubahan relatif (+54,5%).\n"
        "- **Rentang** yang dilaporkan (50–70%) dihitung utuh: batas bawah dan atas dibawa ke laju "
        "tahunan (22,5–30,4% per tahun) dan ke angka riil.\n"
        "- **Riil**: nominal dibagi indeks harga yang dirangkai dari inflasi IHK Desember-ke-Desember "
        "BPS, harga tahun dasar. Blitar bukan kota IHK BPS: bawaannya inflasi nasional; di "
        "halaman Pendapatan perencana dapat memilih Jawa Timur atau Kota Kediri (kota IHK "
        "terdekat) bila tahun-tahunnya ada, dan grafik menyebut inflasi yang dipakai.\n"
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
        "inflation, in base-year prices. Blitar is not a BPS CPI city: national inflation by "
        "default; on the Income page a planner can choose East Java or Kediri City (the nearest "
        "CPI city) where its years exist, and the chart names the inflation used.\n"
        "- **Status**: reported (published by a named source), estimated, illustrative (not "
        "official, chosen by the dashboard team; always drawn hollow/dashed).\n"
        "- The **1–5** scale of obstacle severity and collaboration scores is this dashboard's "
        "own convention.",
    ),
    "ach.heading": ("Capaian target kinerja", "Targets and achievement"),
    "ach.empty": (
        "Belum ada target untuk wilayah ini. Unggah target RPJMD atau Renstra dengan templat "
        "'Target indikator' di halaman Unggah Data.",
        "No targets for this region yet. Upload RPJMD or Renstra targets with the 'Indicator "
        "targets' template on the Upload data page.",
    ),
    "ach.title": (
        "Capaian target: {met} dari {total} target tercapai, {partly} sebagian tercapai",
        "Targets: {met} of {total} met, {partly} partly met",
    ),
    "ach.indicator": ("Indikator", "Indicator"),
    "ach.region": ("Wilayah", "Region"),
    "ach.target": ("Target", "Target"),
    "ach.realisation": ("Realisasi", "Realised"),
    "ach.percent": ("Capaian", "Achieved"),
    "ach.category": ("Kategori", "Category"),
    "ach.met": ("Keterangan", "Met?"),
    "ach.direction": ("Arah", "Better when"),
    "ach.document": ("Dokumen target", "Target document"),
    "ach.dir.higher": ("makin tinggi makin baik", "higher"),
    "ach.dir.lower": ("makin rendah makin baik", "lower"),
    "ach.met.met": ("Tercapai", "Met"),
    "ach.met.partly": ("Sebagian tercapai", "Partly met"),
    "ach.met.not_met": ("Belum tercapai", "Not met"),
    "ach.no_figure": ("Belum ada angka realisasi", "No realisation figure yet"),
    "ach.none.zero_target": (
        "Target 0: capaian tidak dihitung",
        "Target of 0: no achievement computed",
    ),
    "ach.none.zero_realisation": (
        "Realisasi 0: capaian tidak dihitung",
        "Realisation of 0: no achievement computed",
    ),
    "ach.cat.very_high": ("Sangat Baik", "Very good"),
    "ach.cat.high": ("Baik", "Good"),
    "ach.cat.medium": ("Cukup", "Fair"),
    "ach.cat.low": ("Kurang", "Poor"),
    "ach.cat.very_low": ("Sangat Kurang", "Very poor"),
    "ach.scale_note": (
        "Capaian = realisasi ÷ target × 100% (makin rendah makin baik: target ÷ realisasi). "
        "Kategori: Sangat Baik ≥ {a}%, Baik ≥ {b}%, Cukup ≥ {c}%, Kurang ≥ {d}%, Sangat Kurang "
        "< {d}% (skala LKjIP bawaan 91/76/66/51; BATIK_ACHIEVEMENT_SCALE mengubahnya). "
        "Realisasi berupa rentang memberi capaian berupa rentang; yang melewati 100% "
        "sebagian tercapai.",
        "Achievement = realisation ÷ target × 100% (lower is better: target ÷ realisation). "
        "Categories: Very good ≥ {a}%, Good ≥ {b}%, Fair ≥ {c}%, Poor ≥ {d}%, Very poor < {d}% "
        "(default LKjIP scale 91/76/66/51; BATIK_ACHIEVEMENT_SCALE sets another). A realisation "
        "given as a range gives an achievement range; one spanning 100% is partly met.",
    ),
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
    "eq.band": ("{low} s.d. {high}", "{low} to {high}"),
    "eq.band.below": ("di bawah {high}", "below {high}"),
    "eq.band.above": ("{low} ke atas", "{low} and above"),
    "eq.median.axis": ("Pertumbuhan median (%)", "Median growth (%)"),
    "eq.hist.y": ("Jumlah usaha", "Enterprises"),
    "eq.by.title": (
        "Pertumbuhan median per {group}: {top} tertinggi ({value})",
        "Median growth by {group}: {top} highest ({value})",
    ),
    # A withheld group never carries the title (equity.withhold, SMALL_GROUP).
    "eq.by.title.large": (
        "Pertumbuhan median per {group}: {top} tertinggi di antara kelompok yang ditampilkan "
        "({value})",
        "Median growth by {group}: {top} highest of the groups shown ({value})",
    ),
    "eq.by.title.too_small": (
        "Pertumbuhan median per {group}: tidak ditampilkan, kelompok kurang dari {n} usaha",
        "Median growth by {group}: not shown, groups of fewer than {n} enterprises",
    ),
    "eq.hist.title.withheld": (
        "Sebaran pertumbuhan pendapatan {start}–{end}: tidak ditampilkan",
        "Spread of income growth {start}–{end}: not shown",
    ),
    # The cell of a withheld figure; eq.small says why.
    "eq.withheld": ("ditahan", "withheld"),
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
    # The rule of equity.withhold, said under every equity figure, slide and on Sources.
    "eq.small": (
        "Kelompok kurang dari {n} usaha: tidak ditampilkan agar tidak ada usaha yang bisa "
        "dikenali; bila hanya satu kelompok tidak ditampilkan, kelompok terkecil berikutnya "
        "juga tidak, agar angkanya tidak bisa dihitung dari total.",
        "Groups of fewer than {n} enterprises: not shown, so that no enterprise can be "
        "recognised; when only one group would be hidden, the next smallest is hidden too, so "
        "that its figure cannot be worked out from the total.",
    ),
    "eq.gender.heading": ("Perempuan dan laki-laki", "Women and men"),
    "eq.gender.intro": (
        "Menurut jenis kelamin pemilik usaha, untuk perencanaan responsif gender (PUG): "
        "pertumbuhan pendapatan (ukuran yang sama dengan skala usaha) dan keikutsertaan program "
        "(usaha yang ikut setidaknya satu program antara {start} dan {end}), dari usaha yang sama.",
        "By the enterprise owner's gender, for gender-responsive planning (PUG): income growth "
        "(the same measure as for size classes) and program participation (enterprises that "
        "joined at least one program between {start} and {end}), of the same enterprises.",
    ),
    "eq.gender.growth.title": (
        "Pertumbuhan median {start}–{end} menurut jenis kelamin pemilik: {values}",
        "Median growth {start}–{end} by owner's gender: {values}",
    ),
    "eq.gender.part.title": (
        "Ikut program {start}–{end} menurut jenis kelamin pemilik: {values}",
        "Joined a program {start}–{end} by owner's gender: {values}",
    ),
    "eq.gender.part.axis": ("Usaha yang ikut program (%)", "Enterprises that joined a program (%)"),
    "eq.gender.joined": ("Ikut program", "Joined a program"),
    "eq.gender.participants": ("Jumlah ikut program", "Number that joined"),
    "eq.gender.not_recorded": (
        "Tidak dicatat: {n} usaha tanpa jenis kelamin pemilik. Dihitung sebagai kelompok "
        "sendiri, tidak dimasukkan ke perempuan atau laki-laki.",
        "Not recorded: {n} enterprises without the owner's gender. Counted as a group of their "
        "own, never put with women or men.",
    ),
    "eq.gender.none": (
        "Belum ada catatan jenis kelamin pemilik untuk {start}–{end}: {n} usaha dihitung, "
        "semuanya tidak dicatat. Isi kolom jenis_kelamin_pemilik (P atau L) di templat 'Catatan "
        "per unit usaha' untuk angka terpilah menurut jenis kelamin.",
        "No owner's gender recorded for {start}–{end}: {n} enterprises counted, none with it. "
        "Fill the jenis_kelamin_pemilik column (P or L) of the 'Enterprise records' template "
        "for gender-disaggregated figures.",
    ),
    # The UMK yardstick (figures/equity.py umk_figure): income against the minimum wage
    "eq.umk.heading": ("Pendapatan dibanding UMK", "Income against the minimum wage (UMK)"),
    "eq.umk.intro": (
        "Upah minimum kabupaten/kota (UMK) adalah tolok ukur wajar pendapatan bulanan pelaku "
        "usaha. Dari catatan per unit usaha: pangsa usaha yang pendapatannya per bulan "
        "setidaknya UMK wilayahnya (Kota Blitar atau Kabupaten Blitar) pada tahun yang sama.",
        "The regional minimum wage (UMK) is the natural yardstick of an entrepreneur's monthly "
        "income. From enterprise records: the share of enterprises whose monthly income is at "
        "least the UMK of their region (Kota Blitar or Kabupaten Blitar) in the same year.",
    ),
    "eq.umk.title": (
        "Pangsa usaha dengan pendapatan per bulan ≥ UMK wilayahnya, {year}: {share}",
        "Share of enterprises whose monthly income is at least their region's UMK, {year}: {share}",
    ),
    "eq.umk.title.small": (
        "Pangsa usaha dengan pendapatan per bulan ≥ UMK wilayahnya, {year}: tidak ditampilkan "
        "agar tidak ada usaha yang bisa dikenali",
        "Share of enterprises whose monthly income is at least their region's UMK, {year}: "
        "not shown, so that no enterprise can be recognised",
    ),
    "eq.umk.title.none": (
        "Pangsa usaha dengan pendapatan per bulan ≥ UMK wilayahnya, {year}: belum ada UMK "
        "untuk wilayah catatan tahun itu",
        "Share of enterprises whose monthly income is at least their region's UMK, {year}: no "
        "UMK stored for the records' regions that year",
    ),
    "eq.umk.card": (
        "Usaha dengan pendapatan per bulan ≥ UMK wilayahnya",
        "Enterprises whose monthly income is at least their region's UMK",
    ),
    "eq.umk.period": ("{year}, {n} usaha dibandingkan", "{year}, {n} enterprises compared"),
    "eq.umk.share": ("Usaha ≥ UMK", "Enterprises ≥ UMK"),
    "eq.umk.n": ("Usaha dibandingkan", "Enterprises compared"),
    "eq.umk.reached": ("Mencapai UMK", "Reaching the UMK"),
    "eq.umk.no_umk": ("Tanpa UMK (tidak dihitung)", "Without a UMK (not counted)"),
    "eq.umk.axis": ("Usaha ≥ UMK (%)", "Enterprises ≥ UMK (%)"),
    "eq.umk.by.title": (
        "Usaha ≥ UMK per {group}, {year}: {top} tertinggi ({value})",
        "Enterprises ≥ UMK by {group}, {year}: {top} highest ({value})",
    ),
    "eq.umk.by.title.small": (
        "Usaha ≥ UMK per {group}, {year}: tidak ditampilkan, kelompok kurang dari {n} usaha",
        "Enterprises ≥ UMK by {group}, {year}: not shown, groups of fewer than {n} enterprises",
    ),
    "eq.umk.method": (
        "Catatan per unit usaha berisi pendapatan setahun: sebuah usaha dihitung mencapai UMK "
        "bila pendapatannya ≥ 12 × UMK wilayah dan tahunnya, yaitu rata-rata per bulan "
        "setidaknya UMK (sama dengan UMK ikut dihitung).",
        "Enterprise records hold a year's income: an enterprise counts as reaching the UMK when "
        "its income is ≥ 12 × the UMK of its region and year, i.e. its average month is at "
        "least the UMK (equal to the UMK counts).",
    ),
    "eq.umk.excluded": (
        "Tidak dihitung di {year}: {n} usaha tanpa UMK untuk wilayah dan tahunnya; mereka tidak "
        "masuk penyebut.",
        "Not counted in {year}: {n} enterprises without a UMK for their region and year; they "
        "are left out of the denominator.",
    ),
    "eq.umk.combined": (
        "Di antaranya {n} usaha yang dicatat untuk Kota & Kabupaten Blitar gabungan: tiap "
        "wilayah menetapkan UMK sendiri, jadi wilayah gabungan tidak punya satu UMK.",
        "Of these, {n} enterprises are recorded for Blitar City & Regency combined: each region "
        "sets its own UMK, so the combined region has no single one.",
    ),
    "eq.umk.missing": (
        "Tahun tanpa UMK untuk wilayah sebagian catatan (UMK tidak diisi atau ditaksir): {years}.",
        "Years without a UMK for some records' region (a UMK is never filled in or estimated): "
        "{years}.",
    ),
    "eq.umk.missing.year": ("{year}: {n} usaha", "{year}: {n} enterprises"),
    "eq.umk.no_data": (
        "Belum ada angka UMK di basis data (indikator umk, Rp per bulan, Kota Blitar dan "
        "Kabupaten Blitar): angka ini terisi setelah UMK yang diumumkan ditambahkan.",
        "No UMK figures in the database yet (indicator umk, Rp per month, Kota Blitar and "
        "Kabupaten Blitar): this figure fills once the published UMK is added.",
    ),
    "eq.umk.source": (
        "Sumber: catatan per unit usaha dan UMK ({sources}).",
        "Sources: enterprise records and the UMK ({sources}).",
    ),
    "eq.umk.empty": (
        "Belum ada catatan per unit usaha untuk dibandingkan dengan UMK. Unggah catatan dengan "
        "templat 'Catatan per unit usaha' (enterprises) di halaman Unggah Data: pendapatan "
        "setahun (pendapatan_rp) per usaha, wilayah Kota Blitar atau Kabupaten Blitar.",
        "No enterprise records to compare with the UMK yet. Upload them with the 'Enterprise "
        "records' template (enterprises) on the Upload data page: a year's income "
        "(pendapatan_rp) per enterprise, region Kota Blitar or Kabupaten Blitar.",
    ),
    "eq.source": (
        "Sumber angka di halaman ini: catatan per unit usaha ({sources}). Angka agregat di halaman "
        "lain berasal dari seri indikator, bukan dari catatan ini.",
        "Source of the figures on this page: enterprise records ({sources}). Aggregate figures on "
        "other pages come from the indicator series, not from these records.",
    ),
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
        "Pertumbuhan {name} per subsektor, {start}–{end}: {top} tercepat ({change})",
        "Growth of {name} by subsector, {start}–{end}: {top} fastest ({change})",
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
    "chart.year": ("Tahun", "Year"),
    # A gap between two figures: no point is drawn for a year nobody published.
    "chart.gap": ("tidak ada angka {years}", "no figure for {years}"),
    "chart.gap_note": (
        "Garis titik-titik tipis: tidak ada angka untuk tahun di antaranya.",
        "Thin dotted line: no figure for the years in between.",
    ),
    "chart.income.title": (
        "Pendapatan pelaku batik {verb} {range} dari {start} ke {end}",
        "Batik entrepreneurs' income {verb} {range} from {start} to {end}",
    ),
    "chart.comp.title": (
        "Daya saing produk {verb} {points}, dari {start_value} ke {end_value}",
        "Product competitiveness {verb} {points}, from {start_value} to {end_value}",
    ),
    "chart.comp.y": ("Skor daya saing (%)", "Competitiveness score (%)"),
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
    "overview.method": (
        "Perubahan skor dihitung dalam poin persen (55% → 85% = +30 poin persen, naik 54,5% "
        "relatif). Rentang 50–70% dibawa utuh ke laju tahunan dan angka riil.",
        "Score changes are in percentage points (55% → 85% = +30 percentage points, a 54.5% "
        "relative rise). The 50–70% range is carried whole into the yearly rate and real terms.",
    ),
    "comp.drivers.title.tie": (
        "Tiga pendorong daya saing: {top} naik sama banyak ({points})",
        "Three drivers of competitiveness: {top} rose equally ({points})",
    ),
    "prog.count.title.types": (
        "Keluaran per jenis program: {rose} dari {types} jenis naik, {start}–{end}",
        "Outputs by program type: {rose} of {types} types rose, {start}–{end}",
    ),
    "prog.illustrative": (
        "Angka program dan target di halaman ini ilustratif: studi menyebut program-programnya "
        "tanpa angka. Ganti dengan realisasi dinas lewat halaman Unggah Data.",
        "The program and target figures on this page are illustrative: the study names the "
        "programs without figures. Replace them with the agencies' actuals on the Upload data page.",
    ),
    "obst.link.figure": ("Angka yang terdampak", "Figure affected"),
    "ce.total": ("Jumlah semua subsektor", "All subsectors"),
    "collab.chart.title.tie": (
        "Pandangan paling berbeda, sama lebarnya ({spread} poin), soal: {elements}",
        "Views differ most, equally ({spread} points), on: {elements}",
    ),
    # Regions side by side (pages/regions.py, impact/figures/regions.py)
    "nav.regions": ("Perbandingan Wilayah", "Regions compared"),
    "regions.heading": ("Perbandingan Wilayah", "Regions compared"),
    "regions.intro": (
        "Kota Blitar dan Kabupaten Blitar pada grafik dan tabel yang sama, untuk setiap "
        "indikator yang dimiliki keduanya, dengan pembanding Jawa Timur atau Indonesia bila ada "
        "angkanya. Perubahan dibandingkan pada tahun yang sama: poin persen untuk skor, pangsa "
        "dan laju; persen untuk nilai, jumlah dan indeks.",
        "Blitar City and Blitar Regency on one chart and one table, for every indicator both "
        "have, with East Java or Indonesia as a benchmark where a figure exists. Changes are "
        "compared over the same years: percentage points for scores, shares and rates; percent "
        "for values, counts and indices.",
    ),
    "regions.fewer": ("{name} (kurang dari dua wilayah)", "{name} (fewer than two regions)"),
    "regions.benchmark": ("{name} (pembanding)", "{name} (benchmark)"),
    "regions.missing": ("{name}: belum ada data", "{name}: no data yet"),
    "regions.change": ("{region} {change}", "{region} {change}"),
    "regions.change.own": (
        "{region} {change} ({start}–{end})",
        "{region} {change} ({start}–{end})",
    ),
    "regions.title": ("{name}, {start}–{end}: {changes}", "{name}, {start}–{end}: {changes}"),
    "regions.title.own": ("{name}: {changes}", "{name}: {changes}"),
    "regions.title.none": (
        "{name}: belum ada perubahan Kota atau Kabupaten Blitar yang dapat dibandingkan",
        "{name}: no change of Blitar City or Regency to compare yet",
    ),
    "regions.combined": (
        "Angka gabungan {name} (tingkat studi) untuk indikator ini tidak digambar di sini; "
        "semuanya ada di halaman Sumber & Metodologi.",
        "Combined figures for {name} (the study's level) of this indicator are not drawn here; "
        "all of them are on the Sources and method page.",
    ),
    "regions.source": ("{name} — {line}", "{name} — {line}"),
    # Public benchmarks under the regions compared (impact/figures/benchmarks.py)
    "bench.heading": ("Angka publik pembanding", "Public benchmark figures"),
    "bench.intro": (
        "Angka terbitan (BPS, keputusan gubernur, kementerian) sebagaimana sampai ke kami, "
        "masing-masing dengan sumbernya; tahun yang tidak ditemukan dibiarkan kosong.",
        "Published figures (BPS, governor's decrees, ministries) as they reached us, each with "
        "its source; a year not found is left empty.",
    ),
    "bench.growth.title": ("{name}, angka terakhir: {values}", "{name}, latest figures: {values}"),
    "bench.growth.value": ("{region} {value} ({year})", "{region} {value} ({year})"),
    "bench.batik.title": (
        "Industri batik: angka Blitar di samping Jawa Timur dan Indonesia",
        "The batik industry: Blitar's figures beside East Java and Indonesia",
    ),
    "bench.batik.measure": ("Ukuran", "Measure"),
    "bench.batik.note": (
        "Angka terakhir tiap wilayah. Sumber menghitung dengan cakupan berbeda (lihat catatan), "
        "jadi angka antarwilayah tidak dibandingkan langsung.",
        "Each region's latest figure. The sources count with different coverage (see the "
        "notes), so figures of different regions are not compared directly.",
    ),
    "regions.nothing": (
        "Belum ada angka indikator ini untuk Kota Blitar, Kabupaten Blitar, maupun pembanding. "
        "Pilih indikator lain, atau tambahkan angkanya lewat halaman Unggah Data.",
        "This indicator has no figures yet for Blitar City, Blitar Regency or a benchmark. "
        "Pick another indicator, or add its figures on the Upload data page.",
    ),
    "source.note.benchmark": (
        "Garis putus-putus panjang dengan belah ketupat: pembanding (Jawa Timur, Indonesia), "
        "bukan wilayah Blitar; belah ketupat terisi bila angkanya dilaporkan.",
        "Long-dashed lines with diamonds: benchmarks (East Java, Indonesia), not a Blitar "
        "region; a filled diamond is a reported figure.",
    ),
    # The UMK drawn on an income chart (figure.umk_marks)
    "chart.umk.label": ("UMK {region}", "UMK {region}"),
    "chart.umk.source": ("{name} {years}: {source}", "{name} {years}: {source}"),
    "chart.umk.missing": (
        "{name}: tidak ada angka UMK untuk {years} (tidak diisi)",
        "{name}: no UMK figure for {years} (not filled in)",
    ),
    "chart.umk.combined": (
        "UMK tidak digambar: Kota Blitar dan Kabupaten Blitar masing-masing punya UMK, wilayah "
        "gabungan tidak punya satu UMK. Pilih salah satu wilayah untuk melihat UMK-nya.",
        "No UMK drawn: Blitar City and Blitar Regency each set their own UMK; the combined "
        "region has no single one. Pick one of the two regions to see its UMK.",
    ),
    "source.note.umk": (
        "Garis tangga oranye: UMK wilayah ini per tahun (Rp per bulan), tolok ukur pendapatan "
        "bulanan; hanya tahun yang punya angka UMK, putus-putus bila bukan angka resmi yang "
        "dilaporkan.",
        "Orange steps: this region's UMK in each year (Rp per month), the yardstick of a "
        "monthly income; only years with a UMK figure, dashed when not a reported, official "
        "figure.",
    ),
    # Targets drawn on a chart (figure.target_marks)
    "chart.target.label": ("Target {value}", "Target {value}"),
    "chart.target.region": ("Target {region} {value}", "Target {region} {value}"),
    "chart.target.source": ("Target {years}: {document}", "Target {years}: {document}"),
    "source.note.target": (
        "Garis pendek ungu: target tahun itu menurut dokumen perencanaan; putus-putus bila "
        "targetnya bukan target resmi yang dilaporkan.",
        "Short purple rules: that year's target from the plan document; dashed when the target "
        "is not a reported, official one.",
    ),
}
