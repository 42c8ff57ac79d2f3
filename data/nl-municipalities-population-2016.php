<?php

return [
    [
        "name" => "Aa en Hunze",
        "inhabitants" => 25243
    ],
    [
        "name" => "Aalburg",
        "inhabitants" => 13038
    ],
    [
        "name" => "Aalsmeer",
        "inhabitants" => 31299
    ],
    [
        "name" => "Aalten",
        "inhabitants" => 26912
    ],
    [
        "name" => "Achtkarspelen",
        "inhabitants" => 28007
    ],
    [
        "name" => "Alblasserdam",
        "inhabitants" => 19955
    ],
    [
        "name" => "Albrandswaard",
        "inhabitants" => 24985
    ],
    [
        "name" => "Alkmaar",
        "inhabitants" => 107615
    ],
    [
        "name" => "Almelo",
        "inhabitants" => 72425
    ],
    [
        "name" => "Almere",
        "inhabitants" => 198145
    ],
    [
        "name" => "Alphen aan den Rijn",
        "inhabitants" => 107960
    ],
    [
        "name" => "Alphen-Chaam",
        "inhabitants" => 9924
    ],
    [
        "name" => "Ameland",
        "inhabitants" => 3611
    ],
    [
        "name" => "Amersfoort",
        "inhabitants" => 153602
    ],
    [
        "name" => "Amstelveen",
        "inhabitants" => 88602
    ],
    [
        "name" => "Amsterdam",
        "inhabitants" => 833624
    ],
    [
        "name" => "Apeldoorn",
        "inhabitants" => 159025
    ],
    [
        "name" => "Appingedam",
        "inhabitants" => 12001
    ],
    [
        "name" => "Arnhem",
        "inhabitants" => 153818
    ],
    [
        "name" => "Assen",
        "inhabitants" => 67061
    ],
    [
        "name" => "Asten",
        "inhabitants" => 16580
    ],
    [
        "name" => "Baarle-Nassau",
        "inhabitants" => 6611
    ],
    [
        "name" => "Baarn",
        "inhabitants" => 24521
    ],
    [
        "name" => "Barendrecht",
        "inhabitants" => 47861
    ],
    [
        "name" => "Barneveld",
        "inhabitants" => 55441
    ],
    [
        "name" => "Bedum",
        "inhabitants" => 10433
    ],
    [
        "name" => "Beek (L.)",
        "inhabitants" => 16068
    ],
    [
        "name" => "Beemster",
        "inhabitants" => 8958
    ],
    [
        "name" => "Beesel",
        "inhabitants" => 13388
    ],
    [
        "name" => "Bellingwedde",
        "inhabitants" => 8971
    ],
    [
        "name" => "Berg en Dal",
        "inhabitants" => 34574
    ],
    [
        "name" => "Bergeijk",
        "inhabitants" => 18253
    ],
    [
        "name" => "Bergen (L.)",
        "inhabitants" => 13090
    ],
    [
        "name" => "Bergen (NH.)",
        "inhabitants" => 29943
    ],
    [
        "name" => "Bergen op Zoom",
        "inhabitants" => 66237
    ],
    [
        "name" => "Berkelland",
        "inhabitants" => 44437
    ],
    [
        "name" => "Bernheze",
        "inhabitants" => 29880
    ],
    [
        "name" => "Best",
        "inhabitants" => 28976
    ],
    [
        "name" => "Beuningen",
        "inhabitants" => 25289
    ],
    [
        "name" => "Beverwijk",
        "inhabitants" => 40318
    ],
    [
        "name" => "het Bildt",
        "inhabitants" => 10525
    ],
    [
        "name" => "De Bilt",
        "inhabitants" => 42375
    ],
    [
        "name" => "Binnenmaas",
        "inhabitants" => 28771
    ],
    [
        "name" => "Bladel",
        "inhabitants" => 19966
    ],
    [
        "name" => "Blaricum",
        "inhabitants" => 9622
    ],
    [
        "name" => "Bloemendaal",
        "inhabitants" => 22296
    ],
    [
        "name" => "Bodegraven-Reeuwijk",
        "inhabitants" => 33451
    ],
    [
        "name" => "Boekel",
        "inhabitants" => 10254
    ],
    [
        "name" => "Ten Boer",
        "inhabitants" => 7352
    ],
    [
        "name" => "Borger-Odoorn",
        "inhabitants" => 25371
    ],
    [
        "name" => "Borne",
        "inhabitants" => 22343
    ],
    [
        "name" => "Borsele",
        "inhabitants" => 22612
    ],
    [
        "name" => "Boxmeer",
        "inhabitants" => 28465
    ],
    [
        "name" => "Boxtel",
        "inhabitants" => 30406
    ],
    [
        "name" => "Breda",
        "inhabitants" => 181611
    ],
    [
        "name" => "Brielle",
        "inhabitants" => 16640
    ],
    [
        "name" => "Bronckhorst",
        "inhabitants" => 36510
    ],
    [
        "name" => "Brummen",
        "inhabitants" => 20938
    ],
    [
        "name" => "Brunssum",
        "inhabitants" => 28448
    ],
    [
        "name" => "Bunnik",
        "inhabitants" => 14773
    ],
    [
        "name" => "Bunschoten",
        "inhabitants" => 20823
    ],
    [
        "name" => "Buren",
        "inhabitants" => 26202
    ],
    [
        "name" => "Capelle aan den IJssel",
        "inhabitants" => 66486
    ],
    [
        "name" => "Castricum",
        "inhabitants" => 34604
    ],
    [
        "name" => "Coevorden",
        "inhabitants" => 35381
    ],
    [
        "name" => "Cranendonck",
        "inhabitants" => 20660
    ],
    [
        "name" => "Cromstrijen",
        "inhabitants" => 12755
    ],
    [
        "name" => "Cuijk",
        "inhabitants" => 24608
    ],
    [
        "name" => "Culemborg",
        "inhabitants" => 27644
    ],
    [
        "name" => "Dalfsen",
        "inhabitants" => 27916
    ],
    [
        "name" => "Dantumadiel",
        "inhabitants" => 19015
    ],
    [
        "name" => "Delft",
        "inhabitants" => 101034
    ],
    [
        "name" => "Delfzijl",
        "inhabitants" => 25068
    ],
    [
        "name" => "Deurne",
        "inhabitants" => 31878
    ],
    [
        "name" => "Deventer",
        "inhabitants" => 98869
    ],
    [
        "name" => "Diemen",
        "inhabitants" => 26840
    ],
    [
        "name" => "Dinkelland",
        "inhabitants" => 26120
    ],
    [
        "name" => "Doesburg",
        "inhabitants" => 11336
    ],
    [
        "name" => "Doetinchem",
        "inhabitants" => 56827
    ],
    [
        "name" => "Dongen",
        "inhabitants" => 25413
    ],
    [
        "name" => "Dongeradeel",
        "inhabitants" => 23932
    ],
    [
        "name" => "Dordrecht",
        "inhabitants" => 118801
    ],
    [
        "name" => "Drechterland",
        "inhabitants" => 19400
    ],
    [
        "name" => "Drimmelen",
        "inhabitants" => 26815
    ],
    [
        "name" => "Dronten",
        "inhabitants" => 40592
    ],
    [
        "name" => "Druten",
        "inhabitants" => 18407
    ],
    [
        "name" => "Duiven",
        "inhabitants" => 25433
    ],
    [
        "name" => "Echt-Susteren",
        "inhabitants" => 31943
    ],
    [
        "name" => "Edam-Volendam",
        "inhabitants" => 35465
    ],
    [
        "name" => "Ede",
        "inhabitants" => 112427
    ],
    [
        "name" => "Eemnes",
        "inhabitants" => 8877
    ],
    [
        "name" => "Eemsmond",
        "inhabitants" => 15815
    ],
    [
        "name" => "Eersel",
        "inhabitants" => 18551
    ],
    [
        "name" => "Eijsden-Margraten",
        "inhabitants" => 25123
    ],
    [
        "name" => "Eindhoven",
        "inhabitants" => 224755
    ],
    [
        "name" => "Elburg",
        "inhabitants" => 22929
    ],
    [
        "name" => "Emmen",
        "inhabitants" => 107584
    ],
    [
        "name" => "Enkhuizen",
        "inhabitants" => 18455
    ],
    [
        "name" => "Enschede",
        "inhabitants" => 158351
    ],
    [
        "name" => "Epe",
        "inhabitants" => 32282
    ],
    [
        "name" => "Ermelo",
        "inhabitants" => 26507
    ],
    [
        "name" => "Etten-Leur",
        "inhabitants" => 42832
    ],
    [
        "name" => "Ferwerderadiel",
        "inhabitants" => 8701
    ],
    [
        "name" => "Franekeradeel",
        "inhabitants" => 20265
    ],
    [
        "name" => "De Fryske Marren",
        "inhabitants" => 51265
    ],
    [
        "name" => "Geertruidenberg",
        "inhabitants" => 21630
    ],
    [
        "name" => "Geldermalsen",
        "inhabitants" => 26346
    ],
    [
        "name" => "Geldrop-Mierlo",
        "inhabitants" => 38893
    ],
    [
        "name" => "Gemert-Bakel",
        "inhabitants" => 29647
    ],
    [
        "name" => "Gennep",
        "inhabitants" => 17085
    ],
    [
        "name" => "Giessenlanden",
        "inhabitants" => 14544
    ],
    [
        "name" => "Gilze en Rijen",
        "inhabitants" => 26152
    ],
    [
        "name" => "Goeree-Overflakkee",
        "inhabitants" => 48321
    ],
    [
        "name" => "Goes",
        "inhabitants" => 37207
    ],
    [
        "name" => "Goirle",
        "inhabitants" => 23111
    ],
    [
        "name" => "Gooise Meren",
        "inhabitants" => 56696
    ],
    [
        "name" => "Gorinchem",
        "inhabitants" => 35260
    ],
    [
        "name" => "Gouda",
        "inhabitants" => 71189
    ],
    [
        "name" => "Grave",
        "inhabitants" => 12643
    ],
    [
        "name" => "'s-Gravenhage (gemeente)",
        "inhabitants" => 519988
    ],
    [
        "name" => "Groningen (gemeente)",
        "inhabitants" => 200952
    ],
    [
        "name" => "Grootegast",
        "inhabitants" => 12155
    ],
    [
        "name" => "Gulpen-Wittem",
        "inhabitants" => 14508
    ],
    [
        "name" => "Haaksbergen",
        "inhabitants" => 24332
    ],
    [
        "name" => "Haaren",
        "inhabitants" => 13570
    ],
    [
        "name" => "Haarlem",
        "inhabitants" => 158140
    ],
    [
        "name" => "Haarlemmerliede en Spaarnwoude",
        "inhabitants" => 5578
    ],
    [
        "name" => "Haarlemmermeer",
        "inhabitants" => 144518
    ],
    [
        "name" => "Halderberge",
        "inhabitants" => 29531
    ],
    [
        "name" => "Hardenberg",
        "inhabitants" => 59687
    ],
    [
        "name" => "Harderwijk",
        "inhabitants" => 45966
    ],
    [
        "name" => "Hardinxveld-Giessendam",
        "inhabitants" => 17774
    ],
    [
        "name" => "Haren",
        "inhabitants" => 19076
    ],
    [
        "name" => "Harlingen",
        "inhabitants" => 15813
    ],
    [
        "name" => "Hattem",
        "inhabitants" => 11890
    ],
    [
        "name" => "Heemskerk",
        "inhabitants" => 39299
    ],
    [
        "name" => "Heemstede",
        "inhabitants" => 26766
    ],
    [
        "name" => "Heerde",
        "inhabitants" => 18556
    ],
    [
        "name" => "Heerenveen",
        "inhabitants" => 50290
    ],
    [
        "name" => "Heerhugowaard",
        "inhabitants" => 53927
    ],
    [
        "name" => "Heerlen",
        "inhabitants" => 87406
    ],
    [
        "name" => "Heeze-Leende",
        "inhabitants" => 15650
    ],
    [
        "name" => "Heiloo",
        "inhabitants" => 22689
    ],
    [
        "name" => "Den Helder",
        "inhabitants" => 56275
    ],
    [
        "name" => "Hellendoorn",
        "inhabitants" => 35651
    ],
    [
        "name" => "Hellevoetsluis",
        "inhabitants" => 38634
    ],
    [
        "name" => "Helmond",
        "inhabitants" => 90127
    ],
    [
        "name" => "Hendrik-Ido-Ambacht",
        "inhabitants" => 29408
    ],
    [
        "name" => "Hengelo (O.)",
        "inhabitants" => 81075
    ],
    [
        "name" => "'s-Hertogenbosch",
        "inhabitants" => 151608
    ],
    [
        "name" => "Heumen",
        "inhabitants" => 16360
    ],
    [
        "name" => "Heusden",
        "inhabitants" => 43274
    ],
    [
        "name" => "Hillegom",
        "inhabitants" => 21089
    ],
    [
        "name" => "Hilvarenbeek",
        "inhabitants" => 15164
    ],
    [
        "name" => "Hilversum",
        "inhabitants" => 87830
    ],
    [
        "name" => "Hof van Twente",
        "inhabitants" => 34881
    ],
    [
        "name" => "Hollands Kroon",
        "inhabitants" => 47546
    ],
    [
        "name" => "Hoogeveen",
        "inhabitants" => 55240
    ],
    [
        "name" => "Hoogezand-Sappemeer",
        "inhabitants" => 34177
    ],
    [
        "name" => "Hoorn",
        "inhabitants" => 72172
    ],
    [
        "name" => "Horst aan de Maas",
        "inhabitants" => 41675
    ],
    [
        "name" => "Houten",
        "inhabitants" => 48765
    ],
    [
        "name" => "Huizen",
        "inhabitants" => 41373
    ],
    [
        "name" => "Hulst",
        "inhabitants" => 27372
    ],
    [
        "name" => "IJsselstein",
        "inhabitants" => 34101
    ],
    [
        "name" => "Kaag en Braassem",
        "inhabitants" => 26108
    ],
    [
        "name" => "Kampen",
        "inhabitants" => 51950
    ],
    [
        "name" => "Kapelle",
        "inhabitants" => 12639
    ],
    [
        "name" => "Katwijk",
        "inhabitants" => 64239
    ],
    [
        "name" => "Kerkrade",
        "inhabitants" => 46023
    ],
    [
        "name" => "Koggenland",
        "inhabitants" => 22471
    ],
    [
        "name" => "Kollumerland en Nieuwkruisland",
        "inhabitants" => 12811
    ],
    [
        "name" => "Korendijk",
        "inhabitants" => 10825
    ],
    [
        "name" => "Krimpen aan den IJssel",
        "inhabitants" => 29054
    ],
    [
        "name" => "Krimpenerwaard",
        "inhabitants" => 54653
    ],
    [
        "name" => "Laarbeek",
        "inhabitants" => 21965
    ],
    [
        "name" => "Landerd",
        "inhabitants" => 15303
    ],
    [
        "name" => "Landgraaf",
        "inhabitants" => 37465
    ],
    [
        "name" => "Landsmeer",
        "inhabitants" => 10977
    ],
    [
        "name" => "Langedijk",
        "inhabitants" => 27447
    ],
    [
        "name" => "Lansingerland",
        "inhabitants" => 59035
    ],
    [
        "name" => "Laren (NH.)",
        "inhabitants" => 10956
    ],
    [
        "name" => "Leek",
        "inhabitants" => 19536
    ],
    [
        "name" => "Leerdam",
        "inhabitants" => 20711
    ],
    [
        "name" => "Leeuwarden",
        "inhabitants" => 107897
    ],
    [
        "name" => "Leeuwarderadeel",
        "inhabitants" => 10175
    ],
    [
        "name" => "Leiden",
        "inhabitants" => 122561
    ],
    [
        "name" => "Leiderdorp",
        "inhabitants" => 26968
    ],
    [
        "name" => "Leidschendam-Voorburg",
        "inhabitants" => 74223
    ],
    [
        "name" => "Lelystad",
        "inhabitants" => 76792
    ],
    [
        "name" => "Leudal",
        "inhabitants" => 36140
    ],
    [
        "name" => "Leusden",
        "inhabitants" => 29309
    ],
    [
        "name" => "Lingewaal",
        "inhabitants" => 11112
    ],
    [
        "name" => "Lingewaard",
        "inhabitants" => 45950
    ],
    [
        "name" => "Lisse",
        "inhabitants" => 22606
    ],
    [
        "name" => "Littenseradiel",
        "inhabitants" => 10833
    ],
    [
        "name" => "Lochem",
        "inhabitants" => 33333
    ],
    [
        "name" => "Loon op Zand",
        "inhabitants" => 22929
    ],
    [
        "name" => "Lopik",
        "inhabitants" => 14156
    ],
    [
        "name" => "Loppersum",
        "inhabitants" => 10042
    ],
    [
        "name" => "Losser",
        "inhabitants" => 22444
    ],
    [
        "name" => "Maasdriel",
        "inhabitants" => 24084
    ],
    [
        "name" => "Maasgouw",
        "inhabitants" => 23757
    ],
    [
        "name" => "Maassluis",
        "inhabitants" => 32292
    ],
    [
        "name" => "Maastricht",
        "inhabitants" => 122533
    ],
    [
        "name" => "De Marne",
        "inhabitants" => 10101
    ],
    [
        "name" => "Marum",
        "inhabitants" => 10305
    ],
    [
        "name" => "Medemblik",
        "inhabitants" => 43725
    ],
    [
        "name" => "Meerssen",
        "inhabitants" => 19040
    ],
    [
        "name" => "Menameradiel",
        "inhabitants" => 13543
    ],
    [
        "name" => "Menterwolde",
        "inhabitants" => 12233
    ],
    [
        "name" => "Meppel",
        "inhabitants" => 32794
    ],
    [
        "name" => "Middelburg (Z.)",
        "inhabitants" => 47873
    ],
    [
        "name" => "Midden-Delfland",
        "inhabitants" => 18873
    ],
    [
        "name" => "Midden-Drenthe",
        "inhabitants" => 33450
    ],
    [
        "name" => "Mill en Sint Hubert",
        "inhabitants" => 10801
    ],
    [
        "name" => "Moerdijk",
        "inhabitants" => 36762
    ],
    [
        "name" => "Molenwaard",
        "inhabitants" => 29067
    ],
    [
        "name" => "Montferland",
        "inhabitants" => 35173
    ],
    [
        "name" => "Montfoort",
        "inhabitants" => 13783
    ],
    [
        "name" => "Mook en Middelaar",
        "inhabitants" => 7755
    ],
    [
        "name" => "Neder-Betuwe",
        "inhabitants" => 23049
    ],
    [
        "name" => "Nederweert",
        "inhabitants" => 16793
    ],
    [
        "name" => "Neerijnen",
        "inhabitants" => 12122
    ],
    [
        "name" => "Nieuwegein",
        "inhabitants" => 61749
    ],
    [
        "name" => "Nieuwkoop",
        "inhabitants" => 27433
    ],
    [
        "name" => "Nijkerk",
        "inhabitants" => 41199
    ],
    [
        "name" => "Nijmegen",
        "inhabitants" => 172064
    ],
    [
        "name" => "Nissewaard",
        "inhabitants" => 85293
    ],
    [
        "name" => "Noord-Beveland",
        "inhabitants" => 7421
    ],
    [
        "name" => "Noordenveld",
        "inhabitants" => 31039
    ],
    [
        "name" => "Noordoostpolder",
        "inhabitants" => 46439
    ],
    [
        "name" => "Noordwijk",
        "inhabitants" => 25760
    ],
    [
        "name" => "Noordwijkerhout",
        "inhabitants" => 16140
    ],
    [
        "name" => "Nuenen, Gerwen en Nederwetten",
        "inhabitants" => 22763
    ],
    [
        "name" => "Nunspeet",
        "inhabitants" => 26835
    ],
    [
        "name" => "Nuth",
        "inhabitants" => 15425
    ],
    [
        "name" => "Oegstgeest",
        "inhabitants" => 23209
    ],
    [
        "name" => "Oirschot",
        "inhabitants" => 18199
    ],
    [
        "name" => "Oisterwijk",
        "inhabitants" => 25835
    ],
    [
        "name" => "Oldambt",
        "inhabitants" => 38228
    ],
    [
        "name" => "Oldebroek",
        "inhabitants" => 23104
    ],
    [
        "name" => "Oldenzaal",
        "inhabitants" => 32110
    ],
    [
        "name" => "Olst-Wijhe",
        "inhabitants" => 17886
    ],
    [
        "name" => "Ommen",
        "inhabitants" => 17696
    ],
    [
        "name" => "Onderbanken",
        "inhabitants" => 7869
    ],
    [
        "name" => "Oost Gelre",
        "inhabitants" => 29537
    ],
    [
        "name" => "Oosterhout",
        "inhabitants" => 54018
    ],
    [
        "name" => "Ooststellingwerf",
        "inhabitants" => 25571
    ],
    [
        "name" => "Oostzaan",
        "inhabitants" => 9504
    ],
    [
        "name" => "Opmeer",
        "inhabitants" => 11336
    ],
    [
        "name" => "Opsterland",
        "inhabitants" => 29830
    ],
    [
        "name" => "Oss",
        "inhabitants" => 90003
    ],
    [
        "name" => "Oud-Beijerland",
        "inhabitants" => 23851
    ],
    [
        "name" => "Oude IJsselstreek",
        "inhabitants" => 39657
    ],
    [
        "name" => "Ouder-Amstel",
        "inhabitants" => 13411
    ],
    [
        "name" => "Oudewater",
        "inhabitants" => 10049
    ],
    [
        "name" => "Overbetuwe",
        "inhabitants" => 47002
    ],
    [
        "name" => "Papendrecht",
        "inhabitants" => 32248
    ],
    [
        "name" => "Peel en Maas",
        "inhabitants" => 43316
    ],
    [
        "name" => "Pekela",
        "inhabitants" => 12641
    ],
    [
        "name" => "Pijnacker-Nootdorp",
        "inhabitants" => 51894
    ],
    [
        "name" => "Purmerend",
        "inhabitants" => 79889
    ],
    [
        "name" => "Putten",
        "inhabitants" => 24516
    ],
    [
        "name" => "Raalte",
        "inhabitants" => 36700
    ],
    [
        "name" => "Reimerswaal",
        "inhabitants" => 22265
    ],
    [
        "name" => "Renkum",
        "inhabitants" => 31254
    ],
    [
        "name" => "Renswoude",
        "inhabitants" => 5051
    ],
    [
        "name" => "Reusel-De Mierden",
        "inhabitants" => 12811
    ],
    [
        "name" => "Rheden",
        "inhabitants" => 43824
    ],
    [
        "name" => "Rhenen",
        "inhabitants" => 19400
    ],
    [
        "name" => "Ridderkerk",
        "inhabitants" => 45097
    ],
    [
        "name" => "Rijnwaarden",
        "inhabitants" => 10866
    ],
    [
        "name" => "Rijssen-Holten",
        "inhabitants" => 37875
    ],
    [
        "name" => "Rijswijk (ZH.)",
        "inhabitants" => 49328
    ],
    [
        "name" => "Roerdalen",
        "inhabitants" => 20686
    ],
    [
        "name" => "Roermond",
        "inhabitants" => 57010
    ],
    [
        "name" => "De Ronde Venen",
        "inhabitants" => 42576
    ],
    [
        "name" => "Roosendaal",
        "inhabitants" => 76960
    ],
    [
        "name" => "Rotterdam",
        "inhabitants" => 629606
    ],
    [
        "name" => "Rozendaal",
        "inhabitants" => 1498
    ],
    [
        "name" => "Rucphen",
        "inhabitants" => 22276
    ],
    [
        "name" => "Schagen",
        "inhabitants" => 46159
    ],
    [
        "name" => "Scherpenzeel",
        "inhabitants" => 9529
    ],
    [
        "name" => "Schiedam",
        "inhabitants" => 77108
    ],
    [
        "name" => "Schiermonnikoog",
        "inhabitants" => 919
    ],
    [
        "name" => "Schijndel",
        "inhabitants" => 23625
    ],
    [
        "name" => "Schinnen",
        "inhabitants" => 12960
    ],
    [
        "name" => "Schouwen-Duiveland",
        "inhabitants" => 33735
    ],
    [
        "name" => "Simpelveld",
        "inhabitants" => 10741
    ],
    [
        "name" => "Sint Anthonis",
        "inhabitants" => 11594
    ],
    [
        "name" => "Sint-Michielsgestel",
        "inhabitants" => 28403
    ],
    [
        "name" => "Sint-Oedenrode",
        "inhabitants" => 17896
    ],
    [
        "name" => "Sittard-Geleen",
        "inhabitants" => 93555
    ],
    [
        "name" => "Sliedrecht",
        "inhabitants" => 24968
    ],
    [
        "name" => "Slochteren",
        "inhabitants" => 15698
    ],
    [
        "name" => "Sluis",
        "inhabitants" => 23639
    ],
    [
        "name" => "Smallingerland",
        "inhabitants" => 55439
    ],
    [
        "name" => "Soest",
        "inhabitants" => 45487
    ],
    [
        "name" => "Someren",
        "inhabitants" => 18914
    ],
    [
        "name" => "Son en Breugel",
        "inhabitants" => 16425
    ],
    [
        "name" => "Stadskanaal",
        "inhabitants" => 32621
    ],
    [
        "name" => "Staphorst",
        "inhabitants" => 16544
    ],
    [
        "name" => "Stede Broec",
        "inhabitants" => 21493
    ],
    [
        "name" => "Steenbergen",
        "inhabitants" => 23477
    ],
    [
        "name" => "Steenwijkerland",
        "inhabitants" => 43333
    ],
    [
        "name" => "Stein (L.)",
        "inhabitants" => 25064
    ],
    [
        "name" => "Stichtse Vecht",
        "inhabitants" => 64061
    ],
    [
        "name" => "Strijen",
        "inhabitants" => 8766
    ],
    [
        "name" => "Súdwest-Fryslân",
        "inhabitants" => 84048
    ],
    [
        "name" => "Terneuzen",
        "inhabitants" => 54657
    ],
    [
        "name" => "Terschelling",
        "inhabitants" => 4870
    ],
    [
        "name" => "Texel",
        "inhabitants" => 13574
    ],
    [
        "name" => "Teylingen",
        "inhabitants" => 36013
    ],
    [
        "name" => "Tholen",
        "inhabitants" => 25421
    ],
    [
        "name" => "Tiel",
        "inhabitants" => 41510
    ],
    [
        "name" => "Tilburg",
        "inhabitants" => 212941
    ],
    [
        "name" => "Tubbergen",
        "inhabitants" => 21120
    ],
    [
        "name" => "Twenterand",
        "inhabitants" => 33846
    ],
    [
        "name" => "Tynaarlo",
        "inhabitants" => 32804
    ],
    [
        "name" => "Tytsjerksteradiel",
        "inhabitants" => 32077
    ],
    [
        "name" => "Uden",
        "inhabitants" => 41247
    ],
    [
        "name" => "Uitgeest",
        "inhabitants" => 13360
    ],
    [
        "name" => "Uithoorn",
        "inhabitants" => 29181
    ],
    [
        "name" => "Urk",
        "inhabitants" => 19987
    ],
    [
        "name" => "Utrecht (gemeente)",
        "inhabitants" => 338967
    ],
    [
        "name" => "Utrechtse Heuvelrug",
        "inhabitants" => 48506
    ],
    [
        "name" => "Vaals",
        "inhabitants" => 9632
    ],
    [
        "name" => "Valkenburg aan de Geul",
        "inhabitants" => 16518
    ],
    [
        "name" => "Valkenswaard",
        "inhabitants" => 30262
    ],
    [
        "name" => "Veendam",
        "inhabitants" => 27467
    ],
    [
        "name" => "Veenendaal",
        "inhabitants" => 63816
    ],
    [
        "name" => "Veere",
        "inhabitants" => 21960
    ],
    [
        "name" => "Veghel",
        "inhabitants" => 38078
    ],
    [
        "name" => "Veldhoven",
        "inhabitants" => 44317
    ],
    [
        "name" => "Velsen",
        "inhabitants" => 67448
    ],
    [
        "name" => "Venlo",
        "inhabitants" => 100371
    ],
    [
        "name" => "Venray",
        "inhabitants" => 43291
    ],
    [
        "name" => "Vianen",
        "inhabitants" => 19513
    ],
    [
        "name" => "Vlaardingen",
        "inhabitants" => 71808
    ],
    [
        "name" => "Vlagtwedde",
        "inhabitants" => 16422
    ],
    [
        "name" => "Vlieland",
        "inhabitants" => 1083
    ],
    [
        "name" => "Vlissingen",
        "inhabitants" => 44451
    ],
    [
        "name" => "Voerendaal",
        "inhabitants" => 12482
    ],
    [
        "name" => "Voorschoten",
        "inhabitants" => 25211
    ],
    [
        "name" => "Voorst",
        "inhabitants" => 23984
    ],
    [
        "name" => "Vught",
        "inhabitants" => 25973
    ],
    [
        "name" => "Waalre",
        "inhabitants" => 17023
    ],
    [
        "name" => "Waalwijk",
        "inhabitants" => 47021
    ],
    [
        "name" => "Waddinxveen",
        "inhabitants" => 26072
    ],
    [
        "name" => "Wageningen",
        "inhabitants" => 37837
    ],
    [
        "name" => "Wassenaar",
        "inhabitants" => 25885
    ],
    [
        "name" => "Waterland",
        "inhabitants" => 17304
    ],
    [
        "name" => "Weert",
        "inhabitants" => 49100
    ],
    [
        "name" => "Weesp",
        "inhabitants" => 18572
    ],
    [
        "name" => "Werkendam",
        "inhabitants" => 26527
    ],
    [
        "name" => "West Maas en Waal",
        "inhabitants" => 18693
    ],
    [
        "name" => "Westerveld",
        "inhabitants" => 18940
    ],
    [
        "name" => "Westervoort",
        "inhabitants" => 15001
    ],
    [
        "name" => "Westland",
        "inhabitants" => 104960
    ],
    [
        "name" => "Weststellingwerf",
        "inhabitants" => 25520
    ],
    [
        "name" => "Westvoorne",
        "inhabitants" => 14197
    ],
    [
        "name" => "Wierden",
        "inhabitants" => 23952
    ],
    [
        "name" => "Wijchen",
        "inhabitants" => 40814
    ],
    [
        "name" => "Wijdemeren",
        "inhabitants" => 23275
    ],
    [
        "name" => "Wijk bij Duurstede",
        "inhabitants" => 23384
    ],
    [
        "name" => "Winsum",
        "inhabitants" => 13633
    ],
    [
        "name" => "Winterswijk",
        "inhabitants" => 28939
    ],
    [
        "name" => "Woensdrecht",
        "inhabitants" => 21682
    ],
    [
        "name" => "Woerden",
        "inhabitants" => 51161
    ],
    [
        "name" => "De Wolden",
        "inhabitants" => 23722
    ],
    [
        "name" => "Wormerland",
        "inhabitants" => 15664
    ],
    [
        "name" => "Woudenberg",
        "inhabitants" => 12550
    ],
    [
        "name" => "Woudrichem",
        "inhabitants" => 14518
    ],
    [
        "name" => "Zaanstad",
        "inhabitants" => 152466
    ],
    [
        "name" => "Zaltbommel",
        "inhabitants" => 27543
    ],
    [
        "name" => "Zandvoort",
        "inhabitants" => 16792
    ],
    [
        "name" => "Zederik",
        "inhabitants" => 13718
    ],
    [
        "name" => "Zeewolde",
        "inhabitants" => 22113
    ],
    [
        "name" => "Zeist",
        "inhabitants" => 62258
    ],
    [
        "name" => "Zevenaar",
        "inhabitants" => 32269
    ],
    [
        "name" => "Zoetermeer",
        "inhabitants" => 124107
    ],
    [
        "name" => "Zoeterwoude",
        "inhabitants" => 8119
    ],
    [
        "name" => "Zuidhorn",
        "inhabitants" => 18794
    ],
    [
        "name" => "Zuidplas",
        "inhabitants" => 40937
    ],
    [
        "name" => "Zundert",
        "inhabitants" => 21488
    ],
    [
        "name" => "Zutphen",
        "inhabitants" => 46997
    ],
    [
        "name" => "Zwartewaterland",
        "inhabitants" => 22278
    ],
    [
        "name" => "Zwijndrecht",
        "inhabitants" => 44454
    ],
    [
        "name" => "Zwolle",
        "inhabitants" => 124896
    ]
];