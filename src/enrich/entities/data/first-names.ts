// Given names from many languages, and the commonest Chinese and Korean family names (which come first in
// those names: "Wang Yi", "Zhao Ziyang"). A capitalised pair starting with one of these reads as a person.
// Left out on purpose: given names that are also places, months or firm names (Chad, Jordan, Georgia, April,
// Morgan, Dean, Chase, Merrill, Sterling, Douglas, Salvador, Santiago, Christian, Victoria, Austin, Dallas).

const english = `
Aaron Abraham Adam Adrian Al Alan Albert Alec Alex Alexander Alexandra Alfred Alice Alison Allan Allen Alvin Amanda Amy Andrew Andy Angela
Ann Anna Anne Annette Anthony Antony Arnold  Arthur Audrey Barbara Barry Ben Benjamin Bernard Bert Beth Betty Beverly Bill Billy Bob Bobby
Brad Bradley Brenda Brent Brett Brian Bruce Bryan Bud Burton Byron Calvin Carl Carla Carlton Carol Caroline Carolyn Carroll Catherine Cecil
Charles Charlie Cheryl Chester Chris Christine Christopher Chuck Cindy Clarence Clark Claude Clay Clayton Cliff Clifford Clifton Clint Clyde
Colin Connie Craig Curt Curtis Cynthia Dale Dan Dana Daniel Danny Darrell Dave David Debbie Deborah Debra Dennis Derek Diana Diane Dick Don
Donald Donna Doris Dorothy Doug Duane Dwight Earl Ed Eddie Edgar Edith Edmund Edward Edwin Eileen Elaine Eleanor Elizabeth Ellen Elliot Elliott
Emily Emma Eric Ernest Ernie Esther Ethel Eugene Evan Evelyn Frances Francis Frank Franklin Fred Frederick Gail Gary Gene Geoffrey George Gerald
Gerry Gilbert Glen Glenn Gloria Gordon Grace Graham Grant Greg Gregory Gwen Hal Hank Harold Harriet Harry Harvey Hazel Heather Helen Henry
Herbert Herman Hilary Hillary Howard Hubert Hugh Ian Irene Irving Isaac Jack Jackie Jacob Jacqueline James Jamie Jane Janet Janice Jason Jay
Jean Jeanne Jeff Jeffrey Jennifer Jenny Jeremy Jerome Jerry Jesse Jill Jim Jimmy Jo Joan Joanne Joe Joel Joey John Johnny Jon Jonathan
Joseph Josh Joshua Joyce Judith Judy Julia Julian Julie Justin Karen Kate Katherine Kathleen Kathryn Kathy Keith Kelly Ken Kenneth  Kevin
Kim Kirk Kurt Kyle Larry Laura Lauren Laurence Lawrence Lee Leo Leon Leonard Leroy Leslie Lester Lewis Linda Lisa Lloyd Lois Loretta Lorraine
Louis Louise Lucy Luke Lynn Malcolm Marcia Margaret Maria Marian Marie Marilyn Marion Marjorie Mark Marlin Martha Martin Marvin Mary Matt
Matthew Maureen Max Maxine Megan Melvin Michael Michele Michelle Mike Mildred Milton Mitchell Monica Nancy Nathan Neal Ned Neil Nelson Nicholas
Nick Nicole Noel Norm Norman Oliver Orville Otis Owen Pamela Pat Patricia Patrick Paul Paula Pauline Peggy Penny Percy Pete Peter Phil Philip
Phillip Phyllis Preston Rachel Ralph Randall Randolph Randy Ray Raymond Rebecca Reginald Rex Rhonda Richard Rick Rita Rob Robert Roberta Robin
Rod Rodney Roger Ron Ronald Ronnie Rosa Rose Ross Roy Ruby Russell Ruth Ryan Sally Sam Samuel Sandra Sandy Sara Sarah Scott Sean Seymour
Sharon Sheila Shirley Sidney Simon Stanley Stephanie Stephen Steve Steven Stewart Stuart Sue Susan Suzanne Sylvia Ted Teresa Terence Terrence
Terry Theodore Thomas Tim Timothy Tina Todd Tom Tommy Tony Tracy Trevor Valerie Vernon Vic Vincent Virgil Wallace Walt Walter Wanda Warren Wayne
Wendy Wesley Wilbur Willard William Willie Willis Wilma Winston Woodrow Yvonne Zachary Antonin   Cyrus Elmer Floyd Forrest Homer
Irwin Jimmie Lamar Lyndon Manuel Merle Murray Myron Nolan Orrin Quentin  Rudolph Rudy Sherman Spencer Strom Thad Wendell Beryl Helga Rupert Jorio Rilwanu Wilfredo Leonel Joao Svetozar Milos Marlin
`;

const european = `
Jacques Jean Pierre Francois Edouard Michel Philippe Alain Bernard Claude Laurent Andre Henri Marcel Georges Rene Yves Valery Lionel Dominique
Gerard Didier Herve Thierry Olivier Nicolas Hubert Maurice Roland Jean-Claude Jean-Pierre Jean-Louis Jean-Marie Jean-Yves Jean-Francois
Jean-Michel Jean-Luc Jean-Paul Jean-Jacques Simone Edith Raymond Gaston Emile Pascal Xavier Francoise Jacqueline Ségolène Segolene Emmanuel
Helmut Hans Karl Otto Gerhard Klaus Wolfgang Juergen Jurgen Manfred Norbert Heinz Horst Dieter Friedrich Franz Josef Kurt Werner Willy Erich
Egon Ignaz Theo Rudolf Ruud Onno Wim Pieter Piet Gerrit Frans Hans-Dietrich Hans-Jochen Hans-Joachim Karl-Otto Heinrich Johann Johannes Ernst
Fritz Georg Guenter Gunter Ulrich Uwe Volker Willem Wilfried Jan Joop Ruud Dirk Hendrik Kees  Leo Gerd Rainer Reinhard Siegfried Angela
Annemarie Heidemarie Ingrid Ursula Gustav Armin Olaf Frank-Walter Jens Lars Nils Bengt Erik Anders Arne Per Rolf Sten Rune Ingvar Kjell Gro
Poul Palle Svend Uffe Anker Kalevi Harri Mauno Esko Pertti Thorsteinn Steingrimur Olof Gunnar Jon Vigdis Arve Einar Knut Odd Gunnar Kjell-Olof
Giovanni Giuseppe Giulio Giuliano Bettino Francesco Carlo Ciriaco Amintore Giancarlo Gianni Romano Filippo Nerio Massimo Marco Paolo Luigi
Lamberto Renato Antonio Guido Fabrizio Enrico Alessandro Mario Sergio Silvio Matteo Giorgia Giorgio Umberto Vittorio Beniamino Ugo Rinaldo
Jose Juan Carlos Luis Miguel Jorge Pedro Francisco Javier Fernando Rafael Ricardo Alberto Alfredo Eduardo Enrique Felipe Gustavo Hector Hugo
Ignacio Jaime Joaquin Julio Oscar Pablo Raul Roberto Rodrigo Alfonso Andres Arturo Cesar Diego Emilio Ernesto Esteban Guillermo Gonzalo Ramon
Rolando Ruben Tomas Vicente Josep Jordi Joan Joao Luiz Paulo Mailson Dilson Marcilio Zelia Celso Anibal Joaquim Rui Jesus Abel Adolfo Agustin
Alvaro Aurelio Benito Bernardo Camilo Cristina Dante Domingo Efrain Elias Elena Ernesto Fidel Gabriel Gerardo Gilberto Horacio Isabel Jacinto
Leopoldo Lorenzo Lucio Manuel Marcos Mariano Mauricio Nestor Octavio Orlando Osvaldo Patricio Rafael Rogelio Salvatore Teodoro Valentin Violeta
Alan Fernando Dilma Luiz Inacio Nicolas Hugo Cristina Mauricio Alberto Evo  Violeta Daniel Oscar Carlos Andres Sebastian Michelle
Andreas Constantine Costas Kostas Dimitris Georgios Yannis Giorgos Alexis Kyriakos Antonis Evangelos Turgut Kenan Suleyman Vehbi Mesut Recep
Ahmet Mehmet Tansu Bulent Mikhail Nikolai Eduard Andrei Boris Vladimir Yegor Sergei Sergey Alexei Alexey Viktor Yuri Ivan Dmitry Dmitri Gennady
Yevgeny Leonid Konstantin Anatoly Valentin Nikolay Volodymyr Petro Oleksiy Dmytro Lech Wojciech Janos Karoly Todor Nicolae Miroslav Lubomir
Branko Milka Zhivko Vaclav Gyorgy Pal Gustav Jozef Lajos Laszlo Tadeusz Zbigniew Aleksander Bronislaw Mieczyslaw Jaroslaw Vaclav Slobodan
Franjo Alija Radovan Ratko Ante Ion Petre Emil Mircea Traian Klaus-Werner Sergio Jean-Claude Radek Andrzej Donald Mateusz Viktor Emmanuel
`;

const asianAfricanArabic = `
Yasuhiro Kiichi Satoshi Noboru Takeshi Hajime Shintaro Michio Eishiro Makoto Kazuo Hiroshi Masaru Toshio Takashi Akira Shigeru Yoshio Tadashi
Ryutaro Keizo Kenji Koichi Ichiro Taro Yoshihiko Junichiro Shinzo Toshiki Keiichi Mitsuo Nobuo Yukio Tomomi Tsutomu Hideo Haruo Masayoshi
Kiyoshi Osamu Teruo Yuzo Tamisuke Shigeo Yoshiaki Seiji Minoru Fumio Yoshimi Kakuei Zenko Takeo Masahiro Hisashi Nobuyuki Kunio Takao Tatsuo
Yoshiro Motoo Shinji Hiroyuki Katsuya Tetsuo  Toshiyuki Susumu Yuichi Kazuhiko Yoshitaka Naoto Yoshihide Fumihiko Toshihiko Kenichi
Mohammed Mohammad Mohamed Muhammad Mohamad Ahmed Ahmad Ali Abdul Abdel Abdullah Abdallah Abdulaziz Abdulrahman Hassan Hussein Hosni Yasser
Hafez Saddam Hisham Khalid Khaled Faisal Hamad Rafik Amin Nabih Walid Ibrahim Ismail Mustafa Mahmoud Omar Osman Yousef Yusuf Youssef Salem
Salim Akbar Hashemi Hossein Hosein Gholamreza  Mehdi Ali-Akbar Ayad Tariq Tarek Taha Jamal Jamil Kamal Rashid Nasser Nasir Anwar Fouad
Fuad Farouk Sami Samir Adel Adnan Bashar Moammar Muammar Zine Habib Hamid Karim Majid Mansour Marwan  Nabil Nizar Qasim Rafiq 
 Suleiman Talal Yahya Yasin Zaki Zayed Ziad Amr Atef Boutros Essam Mahathir Daim Anwar Musa Najib Razaleigh Ghafar Tengku Radius
Ginandjar  Ali  Mochtar Benny Adam  Lee Goh Tony Ong Yeo Corazon Cesar Jaime Fidel Juan Salvador Ferdinand Imelda
Jovito Jose  Aquilino Rajiv Indira Sonia Vishwanath Narasimha Pranab Arun Atal Manmohan Natwar Pratibha Zail Benazir Nawaz Mahbub
Ghulam Ziaur Hussain Mohammed  Asif Sartaj Yaqub Parvez Pervez Imran Shehbaz Chandrika  Ranil Julius Daniel Jerry
Olusegun Chu Kofi Nelson Desmond Pik Barend Gerhard Chris Mangosuthu Oliver Thabo Samora Kwame Hastings  Abdou Felix Kenneth Robert
Sam Yoweri Ibrahim Sani  Umaru Goodluck Muhammadu Jacob Cyril Jomo Uhuru Mwai Meles Paul Abiy Ellen Joyce Hage Ernest Laurent
Deng Zhao Zhang Wang Li Liu Chen Yang Huang Wu Zhou Xu Sun Zhu Hu Guo Lin Luo Gao Zheng Liang Xie Song Tang Han Feng Cao Peng Zeng Xiao
Tian Dong Pan Yuan Cai Jiang Du Ye Cheng Wei Lu Ding Ren Shen Yao Jin Qian Fu Xi Qiao Tsai Chiang Lai Chan Wong Leung Cheung Lam Chow Tse
Kim Chun Roh Choi Jung Kang Cho Yoon Moon Shin Lim Nam Hyun Yu Kuo Chien Chou Hsu Soong Ma   Kuan 
`;

/** Given names (and East Asian family names) as written, one set for quick look-up. */
export const firstNames: ReadonlySet<string> = new Set(`${english} ${european} ${asianAfricanArabic}`.split(/\s+/).filter(Boolean));
