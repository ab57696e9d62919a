/** Words of the address picker (province → regency/city → district → village), Bahasa Indonesia first, English beside. */
export const addressId = {
  'address.pickTitle': 'Pilih dari data wilayah Kemendagri',
  'address.pickHint': 'Ketik sebagian nama lalu pilih; memilih desa/kelurahan mengisi nama wilayah di bawah.',
  'address.province': 'Provinsi',
  'address.regency': 'Kabupaten/Kota',
  'address.district': 'Kecamatan',
  'address.village': 'Kelurahan/Desa',
  'address.typeToSearch': 'Ketik untuk mencari…',
  'address.pickParentFirst': 'Pilih {parent} dulu',
  'address.searching': 'Mencari…',
  'address.noMatch': 'Tidak ada yang cocok',
  'address.clear': 'Hapus pilihan',
  'address.linked': 'Alamat terhubung ke kode wilayah {code}',
  'address.codes': 'Kode wilayah',
  'address.freeText': 'belum dicocokkan dengan kode wilayah',
};

export const addressEn: Record<keyof typeof addressId, string> = {
  'address.pickTitle': "Pick from Kemendagri's region data",
  'address.pickHint': 'Type part of a name, then pick; picking a village fills the place names below.',
  'address.province': 'Province',
  'address.regency': 'Regency/City',
  'address.district': 'District',
  'address.village': 'Village',
  'address.typeToSearch': 'Type to search…',
  'address.pickParentFirst': 'Pick the {parent} first',
  'address.searching': 'Searching…',
  'address.noMatch': 'Nothing matches',
  'address.clear': 'Clear the choice',
  'address.linked': 'Address linked to region code {code}',
  'address.codes': 'Region codes',
  'address.freeText': 'not yet matched to region codes',
};
