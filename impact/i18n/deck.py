"""Texts of the hearing deck and the presentation mode: key -> (Bahasa Indonesia, English).

The deck's wording, one area of the catalogue behind :func:`impact.i18n.t`.
Slide titles state the finding; figures are filled in by :mod:`impact.report` from the same
functions the dashboard uses.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "nav.deck": ("Bahan Paparan DPRD", "DPRD hearing pack"),
    "nav.present": ("Mode Presentasi", "Presentation mode"),
    # --- the deck page ---------------------------------------------------------------
    "deck.page.title": ("Bahan paparan DPRD", "DPRD hearing pack"),
    "deck.page.intro": (
        "Isi judul, tanggal dan instansi, pilih wilayah, tahun dan bagian, lalu unduh bahan "
        "paparan: PPTX 16:9 dan PDF dengan isi yang sama. Angka, grafik dan sumbernya diambil "
        "dari dasbor ini; catatan pembicara memuat angka persis dan sumber lengkap.",
        "Fill in the title, date and agency, pick the region, years and sections, then download "
        "the pack: a 16:9 PPTX and a PDF with the same content. Figures, charts and sources come "
        "from this dashboard; the speaker notes carry the exact figures and full sources.",
    ),
    "deck.form.title": ("Judul paparan", "Hearing title"),
    "deck.form.date": ("Tanggal paparan", "Hearing date"),
    "deck.form.agency": ("Instansi penyaji", "Presenting agency"),
    "deck.form.agency_hint": ("mis. Bappeda Kabupaten Blitar", "e.g. Bappeda Kabupaten Blitar"),
    "deck.form.region": ("Wilayah", "Region"),
    "deck.form.start": ("Dari tahun", "From year"),
    "deck.form.end": ("Sampai tahun", "To year"),
    "deck.form.sections": ("Bagian yang dimuat", "Sections to include"),
    "deck.years.none": (
        "Belum ada angka sedikitnya dua tahun untuk {region}. Pilih wilayah lain, atau "
        "tambahkan angkanya lewat halaman Unggah Data.",
        "There are no figures for at least two years for {region} yet. Pick another region, or "
        "add them on the Upload data page.",
    ),
    "deck.preview": ("Isi paparan: {count} slide", "Contents: {count} slides"),
    "deck.download.pptx": ("Unduh PPTX (16:9)", "Download PPTX (16:9)"),
    "deck.download.pdf": ("Unduh PDF", "Download PDF"),
    "deck.pdf.making": ("Menyiapkan PDF…", "Preparing the PDF…"),
    "deck.pdf.make": ("Buat PDF", "Make the PDF"),
    "deck.building": ("Menyusun slide…", "Building the slides…"),
    "deck.built": (
        "Bahan paparan siap: {count} slide. Periksa berkasnya sebelum dipaparkan.",
        "The pack is ready: {count} slides. Check the files before presenting.",
    ),
    "deck.pdf.unavailable": (
        "PDF belum bisa dibuat: LibreOffice tidak terpasang di server ini. PPTX tetap bisa "
        "diunduh. Untuk PDF, operator server memasang LibreOffice Impress: "
        "`sudo apt-get install libreoffice-impress fonts-liberation` (atau menjalankan "
        "`make run` sebagai root), lalu membuat bahan paparan lagi.",
        "The PDF cannot be made: LibreOffice is not installed on this server. The PPTX can "
        "still be downloaded. For the PDF, the server's operator installs LibreOffice Impress: "
        "`sudo apt-get install libreoffice-impress fonts-liberation` (or runs `make run` as "
        "root), then builds the deck again.",
    ),
    "deck.pdf.failed": (
        "PDF tidak dapat dibuat kali ini. PPTX tetap bisa diunduh; coba lagi sebentar lagi. "
        "Jika terus gagal, beri tahu operator server (rinciannya ada di log server).",
        "The PDF could not be made this time. The PPTX can still be downloaded; try again "
        "shortly. If it keeps failing, tell the server's operator (the details are in the "
        "server's log).",
    ),
    "deck.present_link": ("Buka mode presentasi", "Open presentation mode"),
    # --- sections ------------------------------------------------------------------
    "deck.section.summary": ("Ringkasan angka utama", "Headline figures"),
    "deck.section.charts": ("Grafik temuan", "Charts of the findings"),
    "deck.section.regions": ("Kota dan Kabupaten", "City and Regency"),
    "deck.section.obstacles": ("Hambatan dan angka terdampak", "Obstacles and figures affected"),
    "deck.section.collaboration": ("Kartu skor kolaborasi", "Collaboration scorecard"),
    "deck.section.programs": ("Program dan hasil", "Programs and outcomes"),
    "deck.section.targets": ("Capaian target kinerja", "Targets and achievement"),
    "deck.section.creative": ("Batik dalam ekonomi kreatif", "Batik in the creative economy"),
    "deck.creative.title": (
        "Pertumbuhan {name} per subsektor, {region} {start}–{end}: {top} tercepat ({change})",
        "Growth of {name} by subsector, {region} {start}–{end}: {top} fastest ({change})",
    ),
    "deck.creative.finding": (
        "Batik {share} dari {name} {region} pada {year}",
        "Batik is {share} of {name} in {region} in {year}",
    ),
    "deck.section.gender": ("Perempuan dan laki-laki", "Women and men"),
    "deck.section.recommendations": ("Rekomendasi", "Recommendations"),
    "deck.section.sources": ("Sumber dan metode", "Sources and method"),
    # --- every slide -----------------------------------------------------------------
    "deck.default_title": (
        "Dampak Kolaborasi pada Industri Batik Blitar",
        "The Impact of Collaboration on Blitar's Batik Industry",
    ),
    "deck.continued": ("{title} (lanjutan)", "{title} (continued)"),
    "deck.mark.partly": ("Sebagian {status}", "Partly {status}"),
    "deck.page_number": ("{index}/{count}", "{index}/{count}"),
    "deck.notes.sources": ("Sumber:", "Sources:"),
    "deck.notes.figures": ("Angka persis:", "Exact figures:"),
    "deck.notes.row": (
        "{year}: {value} ({status}). Sumber: {source}.{note}",
        "{year}: {value} ({status}). Source: {source}.{note}",
    ),
    "deck.notes.note": (" Catatan: {note}", " Note: {note}"),
    "deck.notes.change": (
        "Perubahan {start}→{end}: {measure} {value}",
        "Change {start}→{end}: {measure} {value}",
    ),
    "deck.notes.reading": (
        "Tanda status: titik penuh = dilaporkan, titik berongga/garis putus-putus = estimasi "
        "atau ilustratif (bukan data resmi).",
        "Status marks: filled point = reported, hollow point/dashed line = estimated or "
        "illustrative (not official data).",
    ),
    # --- title slide -----------------------------------------------------------------
    "deck.cover.subtitle": (
        "Paparan di hadapan DPRD · {region} · {start}–{end}",
        "Briefing to the DPRD · {region} · {start}–{end}",
    ),
    "deck.cover.footnote": (
        "Angka dari Dasbor Dampak Batik Blitar ({as_of}); sumber tiap angka di slide terakhir "
        "dan di catatan pembicara.",
        "Figures from the Blitar Batik Impact Dashboard ({as_of}); the source of every figure "
        "is on the last slides and in the speaker notes.",
    ),
    "deck.cover.notes": (
        "Paparan {count} slide. Urutan: {titles}",
        "A {count}-slide briefing. Order: {titles}",
    ),
    # --- summary ---------------------------------------------------------------------
    "deck.summary.title": (
        "Pendapatan pelaku batik {income} dan daya saing {points}, {start}–{end}",
        "Batik entrepreneurs' income {income} and competitiveness {points}, {start}–{end}",
    ),
    "deck.study.title": (
        "Temuan studi {start}–{end}: pendapatan pelaku batik {income}, daya saing {points}",
        "The study's finding {start}–{end}: batik entrepreneurs' income {income}, "
        "competitiveness {points}",
    ),
    "deck.study.finding": (
        "Temuan studi kolaborasi pemerintah daerah dan ABABIL (Blitar, 2021–2023), dengan status "
        "dan sumbernya.",
        "The finding of the study of local government and ABABIL collaboration (Blitar, "
        "2021–2023), with status and source.",
    ),
    "deck.summary.title.plain": (
        "Angka utama {region}, {start}–{end}",
        "Headline figures for {region}, {start}–{end}",
    ),
    "deck.summary.finding": (
        "Angka utama yang ada untuk wilayah dan tahun ini; tiap angka dengan status dan sumbernya.",
        "The headline figures there are for this region and these years, each with its status "
        "and source.",
    ),
    # --- chart slides ----------------------------------------------------------------
    "deck.budget.finding": (
        "Total anggaran program: {budget_start} pada {start}, {budget_end} pada {end}.",
        "Total program budget: {budget_start} in {start}, {budget_end} in {end}.",
    ),
    # --- obstacles -------------------------------------------------------------------
    "deck.obstacles.finding": (
        "{count} hambatan; {top} berkeparahan {severity}/5 pada {year}",
        "{count} obstacles; {top} at severity {severity}/5 in {year}",
    ),
    "deck.obstacles.col.items": (
        "Hambatan (keparahan {year}, {status})",
        "Obstacles (severity {year}, {status})",
    ),
    "deck.obstacle": ("• {name} ({severity}/5)", "• {name} ({severity}/5)"),
    # A severity with its status, when the column heading cannot state one status for all.
    "deck.obstacle.marked": (
        "• {name} ({severity}/5, {status})",
        "• {name} ({severity}/5, {status})",
    ),
    "deck.bullet": ("• {text}", "• {text}"),
    "deck.obstacles.col.affects": ("Angka yang terdampak", "Figures affected"),
    "deck.affects.indicator": ("{name}: {change}", "{name}: {change}"),
    "deck.affects.program": (
        "{name}: {count_start} → {count_end} kegiatan",
        "{name}: {count_start} → {count_end} activities",
    ),
    "deck.affects.none": ("Belum ada angka", "No figures yet"),
    # --- programs vs outcomes --------------------------------------------------------
    "deck.progout.title": (
        "Keluaran: {rose} dari {types} jenis program naik, anggaran {budget}; hasil: pendapatan "
        "{income}",
        "Outputs: {rose} of {types} program types rose, budget {budget}; outcome: income {income}",
    ),
    "deck.progout.title.plain": (
        "Keluaran program dan hasilnya, {start}–{end}",
        "Program outputs and outcomes, {start}–{end}",
    ),
    "deck.progout.measure": ("Ukuran", "Measure"),
    "deck.progout.finding": (
        "Keluaran tercatat, tetapi data belum bisa memisahkan dampak tiap program.",
        "Outputs are recorded, but the data cannot yet separate each program's effect.",
    ),
    # --- recommendations -------------------------------------------------------------
    "deck.recs.title": (
        "Empat rekomendasi dari bukti: sinergi, kesinambungan, anggaran, evaluasi hasil",
        "Four recommendations from the evidence: synergy, continuity, resources, outcomes",
    ),
    "deck.recs.finding": (
        "Tiap rekomendasi menyebut buktinya; angka ilustratif ditandai.",
        "Each recommendation cites its evidence; illustrative figures are marked.",
    ),
    "deck.rec.synergy.heading": (
        "1. Sinergi lintas sektor: satu agenda bersama dinas dan ABABIL",
        "1. Cross-sector synergy: one shared agenda for the agencies and ABABIL",
    ),
    "deck.rec.synergy.body": (
        "Satukan promosi dan distribusi Disperindag, Dinas Koperasi dan UM, Disbudpar dan "
        "ABABIL dalam satu forum dengan rencana kerja bersama.",
        "Bring the promotion and distribution work of the industry, cooperatives and culture "
        "agencies and ABABIL into one forum with a shared work plan.",
    ),
    "deck.rec.continuity.heading": (
        "2. Kesinambungan program: tetap berjalan walau pengurus berganti",
        "2. Program continuity: keep programs running when the board changes",
    ),
    "deck.rec.continuity.body": (
        "Tetapkan program tahunan minimum (pelatihan, pameran) dalam dokumen perencanaan daerah "
        "agar tidak bergantung pada pergantian pengurus asosiasi.",
        "Set a yearly minimum program (training, exhibitions) in the regional planning "
        "documents so that it does not depend on changes in the association's board.",
    ),
    "deck.rec.resources.heading": (
        "3. Alokasi sumber daya: anggaran mengikuti hasil",
        "3. Resource allocation: the budget follows outcomes",
    ),
    "deck.rec.resources.body": (
        "Lindungi anggaran program yang terkait kenaikan pendapatan perajin, dan tangani "
        "kelangkaan bahan baku dan ruang pelatihan.",
        "Protect the budget of programs linked to artisans' income gains, and address the "
        "shortages of raw material and training rooms.",
    ),
    "deck.rec.evaluation.heading": (
        "4. Evaluasi berbasis hasil: ukur pendapatan, daya saing, lapangan kerja",
        "4. Outcome-based evaluation: measure income, competitiveness, jobs",
    ),
    "deck.rec.evaluation.body": (
        "Beri setiap program target hasil dan kumpulkan angkanya tiap tahun lewat dasbor ini, "
        "bukan hanya jumlah kegiatan.",
        "Give every program outcome targets and collect the figures every year through this "
        "dashboard, not only the number of activities.",
    ),
    "deck.rec.evidence": ("Bukti: {evidence}.", "Evidence: {evidence}."),
    "deck.ev.obstacle": (
        "{name} (keparahan {severity}/5, {year}, {status})",
        "{name} (severity {severity}/5, {year}, {status})",
    ),
    "deck.ev.collab": (
        "pandangan paling berbeda soal {element}: {high_actor} {high}, {low_actor} {low} "
        "({status})",
        "views differ most on {element}: {high_actor} {high}, {low_actor} {low} ({status})",
    ),
    "deck.ev.program": (
        "{name}: {count_start} → {count_end} kegiatan, {start}–{end} ({status})",
        "{name}: {count_start} → {count_end} activities, {start}–{end} ({status})",
    ),
    "deck.ev.budget": (
        "anggaran program {change}, {start}–{end} ({status})",
        "program budget {change}, {start}–{end} ({status})",
    ),
    "deck.ev.income": (
        "pendapatan pelaku batik {change}, {start}–{end} ({status})",
        "batik entrepreneurs' income {change}, {start}–{end} ({status})",
    ),
    "deck.ev.outputs": (
        "keluaran {types} jenis program tercatat pada {year} ({status}), tetapi dampak tiap program "
        "belum bisa dipisahkan",
        "outputs of {types} program types recorded in {year} ({status}), but each program's effect cannot be "
        "separated yet",
    ),
    "deck.ev.cost": (
        "biaya per orang-kegiatan, semua jenis program: {cost} pada {year} ({status})",
        "cost per person-event, all program types: {cost} in {year} ({status})",
    ),
    "deck.ev.none": (
        "belum ada angka untuk wilayah dan tahun ini",
        "no figures for this region and years yet",
    ),
    # --- sources and method ----------------------------------------------------------
    "deck.sources.title": (
        "Sumber data: {count} sumber; setiap angka bertanda status",
        "Data sources: {count} sources; every figure is marked with its status",
    ),
    "deck.sources.finding": (
        "Dilaporkan = terbit dari sumber bernama; estimasi dan ilustratif = bukan data resmi.",
        "Reported = published by a named source; estimated and illustrative = not official data.",
    ),
    "deck.sources.study": (
        "Studi: Kolaborasi Pemerintah Daerah dan Asosiasi Pengrajin Batik dalam Pengembangan "
        "Industri Kreatif di Blitar, Jurnal Public Corner, FISIP Universitas Wiraraja.",
        "Study: Kolaborasi Pemerintah Daerah dan Asosiasi Pengrajin Batik dalam Pengembangan "
        "Industri Kreatif di Blitar, Jurnal Public Corner, FISIP Universitas Wiraraja.",
    ),
    "deck.method.title": (
        "Cara menghitung: poin persen untuk skor, rentang dibawa utuh, riil dengan IHK BPS",
        "How figures are computed: percentage points for scores, whole ranges, BPS CPI",
    ),
    "deck.generated": (
        "Dibuat dari Dasbor Dampak Batik Blitar ({as_of}) pada {date}.",
        "Made from the Blitar Batik Impact Dashboard ({as_of}) on {date}.",
    ),
    # --- presentation mode -----------------------------------------------------------
    "present.prev": ("Sebelumnya", "Previous"),
    "present.next": ("Berikutnya", "Next"),
    "present.counter": ("{index} / {count}", "{index} / {count}"),
    "present.settings": ("Wilayah dan tahun", "Region and years"),
    "present.notes": ("Catatan pembicara", "Speaker notes"),
    "deck.omitted": (
        "Bagian tanpa data untuk {region}, {start}–{end}, sehingga tidak ada di paparan: {sections}.",
        "Sections without data for {region}, {start}–{end}, so left out of the deck: {sections}.",
    ),
    "deck.fill.summary": (
        "Angka utama (perlu pendapatan, daya saing, tenaga kerja {start} dan {end})",
        "Headline figures (needs income, competitiveness, workers for {start} and {end})",
    ),
    "deck.fill.charts": (
        "Grafik (perlu seri pendapatan, daya saing atau tenaga kerja {start} dan {end})",
        "Charts (needs the income, competitiveness or workers series for {start} and {end})",
    ),
    "deck.fill.regions": (
        "Kota dan Kabupaten (perlu angka Kota Blitar dan Kabupaten Blitar untuk indikator yang "
        "sama, {start} dan {end})",
        "City and Regency (needs Blitar City and Blitar Regency figures of the same indicator for "
        "{start} and {end})",
    ),
    "deck.regions.finding.points": (
        "Kota Blitar dan Kabupaten Blitar pada tahun yang sama, {start}–{end}; perubahan dalam "
        "poin persen.",
        "Blitar City and Blitar Regency over the same years, {start}–{end}; changes in "
        "percentage points.",
    ),
    "deck.regions.finding.percent": (
        "Kota Blitar dan Kabupaten Blitar pada tahun yang sama, {start}–{end}; perubahan dalam "
        "persen.",
        "Blitar City and Blitar Regency over the same years, {start}–{end}; changes in percent.",
    ),
    "deck.fill.obstacles": (
        "Hambatan (perlu keparahan hambatan sampai {end})",
        "Obstacles (needs obstacle severity up to {end})",
    ),
    "deck.fill.collaboration": (
        "Kolaborasi (perlu skor kolaborasi sampai {end})",
        "Collaboration (needs collaboration scores up to {end})",
    ),
    "deck.fill.programs": (
        "Program (perlu keluaran program {start} dan {end})",
        "Programs (needs program outputs for {start} and {end})",
    ),
    "deck.fill.targets": (
        "Capaian target (perlu target RPJMD/Renstra untuk {start}–{end})",
        "Targets (need RPJMD/Renstra targets for {start}–{end})",
    ),
    "deck.targets.finding": (
        "Realisasi dibanding target RPJMD/Renstra; kategori menurut skala evaluasi daerah.",
        "Realisation against the RPJMD/Renstra targets; categories on the region's evaluation "
        "scale.",
    ),
    "deck.fill.creative": (
        "Ekonomi kreatif (perlu tenaga kerja per subsektor {start} dan {end})",
        "Creative economy (needs workers by subsector for {start} and {end})",
    ),
    "deck.fill.gender": (
        "Perempuan dan laki-laki (perlu catatan per unit usaha {start} dan {end} dengan kolom "
        "jenis_kelamin_pemilik terisi)",
        "Women and men (needs enterprise records for {start} and {end} with the owner's gender, "
        "jenis_kelamin_pemilik, filled in)",
    ),
    "deck.fill.recommendations": (
        "Rekomendasi (perlu bukti dari bagian lain)",
        "Recommendations (need evidence from the other sections)",
    ),
    "present.keys": (
        "Panah kiri/kanan berpindah slide; F11 untuk layar penuh.",
        "Left/right arrows change the slide; F11 for a full screen.",
    ),
}
