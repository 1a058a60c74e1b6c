"""Sources as stored text become numbered citations with working links."""

from councilwatch.publish.citations import Citation, SourceList, parse_source


def test_symbols_link_to_undocs_and_urls_keep_their_label():
    cites = parse_source('S/2022/606 ; Security Council Report, "July 2024", https://www.securitycouncilreport.org/x.php ; '
                         'https://press.un.org/en/2024/sc15769.doc.htm')
    assert cites[0] == Citation("S/2022/606", "https://undocs.org/en/S/2022/606")
    assert cites[1] == Citation('Security Council Report, "July 2024"', "https://www.securitycouncilreport.org/x.php")
    assert cites[2].url == "https://press.un.org/en/2024/sc15769.doc.htm"
    assert cites[2].label.startswith("press.un.org")


def test_plain_text_source_has_no_link():
    assert parse_source("rule 18, provisional rules of procedure") == [Citation("rule 18, provisional rules of procedure")]


def test_source_list_numbers_in_order_of_first_use_and_reuses_numbers():
    src = SourceList()
    assert src.cite("S/PV.8967 ; A/RES/77/19") == [1, 2]
    assert src.cite("A/RES/77/19", None) == [2]
    assert src.cite("https://example.org/a ; S/PV.8967") == [3, 1]
    assert [c.label for c in src.items] == ["S/PV.8967", "A/RES/77/19", "example.org/a"]
