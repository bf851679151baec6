"""Texts shared by every page: the app frame, navigation, statuses, sources, tables, units,
filters, empty states and the names of code lists (categories, elements, actors...).

key: (Bahasa Indonesia, English). Placeholders use str.format names.
"""

from __future__ import annotations

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
    "col.row": ("Baris", "Row"),
    "col.key": ("Kunci", "Key"),
    "col.column": ("Kolom", "Column"),
    "col.old": ("Lama", "Old"),
    "col.new": ("Baru", "New"),
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
    "prices.deflator": (
        "Riil, dideflasi dengan inflasi {region} (IHK BPS, Desember ke Desember)",
        "Real, deflated by the inflation of {region} (BPS CPI, December on December)",
    ),
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
    "card.absolute": ("Selisih", "Difference"),
    "card.percent": ("Perubahan", "Change"),
    "card.cagr": ("Laju per tahun (CAGR)", "Yearly rate (CAGR)"),
    "card.points": ("Poin persen", "Percentage points"),
    "card.relative": ("Perubahan relatif", "Relative change"),
    "element.dialogue": ("Dialog tatap muka", "Face-to-face dialogue"),
    "element.trust": ("Membangun kepercayaan", "Trust-building"),
    "element.commitment": ("Komitmen pada proses", "Commitment to the process"),
    "element.understanding": ("Pemahaman bersama", "Shared understanding"),
    "element.outcomes": ("Hasil sementara", "Intermediate outcomes"),
    "actor.government": ("Pemerintah daerah", "Local government"),
    "actor.association": ("Asosiasi (ABABIL)", "Association (ABABIL)"),
    "actor.entrepreneurs": ("Pelaku usaha", "Entrepreneurs"),
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
    "size.micro": ("Mikro", "Micro"),
    "size.small": ("Kecil", "Small"),
    "size.medium": ("Menengah", "Medium"),
    # The owner's gender of an enterprise record (impact.equity.GENDERS, NOT_RECORDED).
    "gender.P": ("Perempuan", "Women"),
    "gender.L": ("Laki-laki", "Men"),
    "gender.not_recorded": ("Tidak dicatat", "Not recorded"),
    "nav.creative": ("Ekonomi Kreatif", "Creative economy"),
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
    # BPS marks kept with a value (impact.status.MARKS), as BPS's footnotes word them.
    "mark.provisional": ("angka sementara", "provisional figure"),
    "mark.very_provisional": ("angka sangat sementara", "very provisional figure"),
    "mark.revised": ("angka perbaikan", "revised figure"),
    "mark.with_status": ("{status} · {mark}", "{status} · {mark}"),
    "mark.notes": (
        "Tanda BPS pada angka slide ini: {items}. Angka sementara dapat berubah ketika BPS "
        "merilis angka tetap.",
        "BPS marks on this slide's figures: {items}. Provisional figures may change when BPS "
        "releases final figures.",
    ),
    "mark.notes.item": ("{year} {mark} ({symbol})", "{year} {mark} ({symbol})"),
    "source.line": ("Sumber: {source}", "Source: {source}"),
    "source.illustrative_note": (
        "Titik berongga dan garis putus-putus: angka ilustratif, bukan data resmi.",
        "Hollow points and dashed lines: illustrative figures, not official data.",
    ),
    "source.band_note": (
        "Area biru: rentang yang dilaporkan, ditarik dari titik-titik yang dilaporkan.",
        "Blue area: the reported range, drawn between reported points.",
    ),
    "source.mark_note": (
        "Tanda BPS: * angka sementara, ** angka sangat sementara, r angka perbaikan.",
        "BPS marks: * provisional, ** very provisional, r revised figure.",
    ),
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
    "category.structural": ("Struktural", "Structural"),
    "category.technical": ("Teknis", "Technical"),
    "category.coordination": ("Koordinasi", "Coordination"),
    "category.resources": ("Sumber daya", "Resources"),
    "empty.no_data": (
        "Belum ada data {what} untuk {year}. Tambahkan lewat unggah data tahunan.",
        "No {what} data for {year} yet. Add it through the yearly data upload.",
    ),
    "app.config_error": (
        "Pengaturan server tidak bisa dipakai: {name} berisi {value}, padahal harus {expected}. "
        "Data tidak tersentuh. Operator memperbaiki pengaturan itu (lihat README, bagian "
        "Pengaturan), lalu memulai ulang dasbor.",
        "A server setting cannot be used: {name} holds {value}, but it must be {expected}. The "
        "data is untouched. The operator fixes that setting (see the README, Settings) and "
        "restarts the dashboard.",
    ),
    "figure.marked": ("{text} ({status})", "{text} ({status})"),
    "figure.change.title": (
        "{name} {verb} {range} dari {start} ke {end}",
        "{name} {verb} {range} from {start} to {end}",
    ),
    "figure.yoy.missing": (
        "Tahun tanpa angka: {years}; perubahan dari dan ke tahun itu tidak dihitung.",
        "Years without a figure: {years}; no change is computed from or to them.",
    ),
    "source.for_years": ("Sumber {years}: {source}", "Source for {years}: {source}"),
    "source.note.bar": (
        "Batang pucat bergaris putus-putus: angka estimasi atau ilustratif, bukan data resmi.",
        "Pale bars with a dashed outline: estimated or illustrative figures, not official data.",
    ),
    "source.note.heatmap": (
        "Sel pucat bergaris putus-putus: angka estimasi atau ilustratif, bukan data resmi.",
        "Pale cells with a dashed outline: estimated or illustrative figures, not official data.",
    ),
    "source.note.dots": (
        "Titik berongga: angka estimasi atau ilustratif, bukan data resmi.",
        "Hollow dots: estimated or illustrative figures, not official data.",
    ),
    "source.note.multiples": (
        "Titik berongga: angka estimasi atau ilustratif, bukan data resmi.",
        "Hollow points: estimated or illustrative figures, not official data.",
    ),
    "source.note.range_bar": (
        "Batang mengambang: rentang perubahan, dari batas bawah ke batas atas, bukan satu angka.",
        "Floating bars: a range of change, from its low to its high end, not one figure.",
    ),
    "asof.upload": ("Data per {date}, unggahan #{upload}", "Data as of {date}, upload #{upload}"),
    "asof.seed": ("Data awal dasbor, belum ada unggahan", "Seed data, no uploads yet"),
    "figure.computed": ("{text} (dihitung)", "{text} (computed)"),
    "figure.no_data_option": ("{name} (belum ada data)", "{name} (no data yet)"),
    # impact.front: answered before any page, to a client whose language is unknown (both)
    "server.https_only": (
        "Dasbor ini hanya melayani HTTPS. Buka alamatnya dengan https:// di depannya.",
        "This dashboard speaks HTTPS only. Open its address with https:// in front.",
    ),
    "server.unknown_host": (
        "Server ini tidak melayani nama host tersebut. Buka dasbor dengan alamat yang diberikan "
        "kantor (lihat BATIK_ALLOWED_HOSTS).",
        "This server does not answer to that host name. Open the dashboard at the address the "
        "office gave (see BATIK_ALLOWED_HOSTS).",
    ),
    "table.col.q1": ("Kuartil bawah", "Lower quartile"),
    "table.col.q3": ("Kuartil atas", "Upper quartile"),
    "table.col.small": ("Ditahan", "Withheld"),
    "table.col.small.yes": ("ya", "yes"),
    "table.col.small.no": ("tidak", "no"),
    "table.col.group": ("Kelompok", "Group"),
}
