namespace Warta.Tests.Analysis;

/// <summary>Paragraphs quoted from the two seed documents (../shared/seeds), the product's canonical input.</summary>
internal static class SeedExcerpts
{
    public const string Seed000 = """
        Hal itu disampaikan Menteri Luar Negeri , Wang Yi, Senin 10 Januari 2022.

        Seperti dilaporkan Reuters, Wang membuat komentar tersebut dalam panggilan telepon dengan Menteri Luar Negeri Kazakhstan, Mukhtar Tileuberdi.

        “ bersedia bersama-sama menentang campur tangan dan infiltrasi kekuatan eksternal mana pun,” kata Wang.

        Para ahli mengatakan, khawatir ketidakstabilan di tetangganya dapat mengancam impor energi dan proyek Belt-and-Road di sana, dan keamanan di wilayah Xinjiang barat, yang berbatasan dengan Kazakhstan sepanjang 1.770 km (1.110 mil).
        """;

    public const string Seed001 = """
        Radartasik.com, Kazakhstan, Menteri pertahanan China menegaskan Beijing menentang intervensi asing di Kazakhstan dan bersumpah untuk mendukung upaya negara itu untuk menjaga keamanan nasional.

        Menyusul pertemuan dengan Presiden Kazakh, Kassym-Jomart Tokayev di Nur-Sultan, Menteri Pertahanan Wei Fenghe menggembar-gemborkan “prospek masa depan yang cerah” yang  ditawarkan oleh hubungan bilateral yang juga membahas ancaman yang ditimbulkan oleh campur tangan asing.

        “China dengan tegas menentang kekuatan eksternal dengan sengaja menghasut “revolusi warna” di Kazakhstan dan mendukung Kazakhstan dalam mengambil langkah-langkah efektif untuk menjaga keamanan nasional dan stabilitas sosial,” kata Wei dikutip oleh Kementerian Pertahanan.

        “Kita harus waspada terhadap beberapa kekuatan besar yang mengganggu di Asia Tengah dan mengganggu keamanan Asia Tengah,” lanjutnya dikutip dari Russian Today.

        Meskipun Wei tidak merinci, pernyataannya muncul sekitar tiga bulan setelah protes massal meletus di Kazakhstan yang awalnya dipicu oleh kenaikan harga bahan bakar.

        Demonstrasi damai menjadi kekerasan selama beberapa hari di bulan Januari, dengan sedikitnya 225 orang tewas dalam bentrokan dengan pasukan keamanan dan ribuan lainnya terluka dan ditangkap.

        Kerusuhan itu mendorong pengerahan oleh Organisasi Perjanjian Keamanan Kolektif (CSTO) pimpinan Rusia, yang mengirim pasukan penjaga perdamaian ke negara itu atas permintaan Tokayev dan pada akhirnya membantu memadamkan kekerasan.

        Presiden Tokayev mengklaim puluhan ribu "teroris terlatih asing" dan "bandit" berada di balik kerusuhan, mereka bertujuan untuk melakukan kudeta atas nama negara lain, meskipun ia tidak memberikan bukti untuk pernyataan tersebut.

        Pada saat itu, Menteri Luar Negeri China Wang Li mengatakan protes didorong oleh "tiga kekuatan jahat" ekstremisme, terorisme dan separatisme, ia lalu menawarkan dukungan dari pasukan keamanan Beijing.
        """;
}
