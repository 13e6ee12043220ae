// As mensagens da ferramenta em português do Brasil. O tipo Messages (as chaves de en.ts) faz o `tsc` falhar
// se faltar ou sobrar uma chave. Nomes de opções, chaves JSON, nomes de arquivo, identificadores e variáveis de
// ambiente ficam como estão: são a interface.
import type { Messages } from './en.js';

export const ptBR: Messages = {
  'refusal.one': 'Nada foi gravado: uma resposta é inválida.',
  'refusal.many': 'Nada foi gravado: {count} respostas são inválidas.',
  'refusal.try': 'Sugestão: {suggestion}',

  // Validation rules of single values (image-reference.ts, names.ts, python-version.ts, resources.ts, package-imports.ts)
  'image.nameRule':
    'o Docker exige letras minúsculas e dígitos, que podem ser ligados por ".", "_", "__" ou "-" (sem maiúsculas e sem separador no começo ou no fim)',
  'image.nameRequired': 'o nome da imagem é obrigatório',
  'image.nameOneComponent': 'o nome da imagem é um único trecho do caminho; coloque a parte antes da "/" em --repository',
  'image.tagRule': 'uma tag do Docker tem de 1 a 128 letras, dígitos, "_", "." ou "-", e não começa com "." nem com "-"',
  'image.repositoryPath': 'no caminho do repositório, {rule}',
  'image.registryHost':
    'o host de um registry é um nome DNS ou um endereço IPv4, com :porta opcional (por exemplo ghcr.io, localhost:5000; nome de imagem do Docker não aceita endereço IPv6)',
  'image.unparsable': 'o Docker não consegue ler a referência de imagem {reference} ({reason})',
  'image.refused': 'o Docker recusa a referência de imagem {reference} ({reason}); {rule}',
  'pipeline.taskIdTaken': 'outra tarefa da DAG já tem este id; os ids de tarefa são únicos',
  'image.tooLong': 'uma referência de imagem, sem a tag, tem no máximo 255 caracteres',
  'python.rule': 'a versão do Python é major.minor, uma destas: {versions}',
  'python.endOfLife':
    'O Python {version} chegou ao fim do suporte em {date} e não recebe mais correções de segurança; a imagem vai usar essa versão, como pedido, mas considere --python {suggested}.',
  'resources.requestAboveLimit': 'o request passa do --{limitField} {limit}; o Kubernetes recusa um pod com request maior que o limit',
  'packages.podShadows':
    'o pod {name} tem o mesmo nome do módulo {name}, que o {spec} instala; pods/{name}.py esconderia esse módulo de todos os scripts em /app',
  'names.podFolder': 'o nome de um pod é o nome de um script, sem pastas (ele fica em pods/)',
  'names.podModule':
    'o nome de um pod é um nome de módulo Python: uma letra minúscula e depois letras minúsculas, dígitos ou "_", até 50 caracteres',
  'names.keyword': 'uma palavra reservada do Python não pode ser nome de módulo',
  'names.stdlib':
    '"{name}" é um módulo da biblioteca padrão do Python{version}; um script com esse nome em /app esconderia o módulo de todos os outros scripts',
  'names.test': 'nomes que começam com "test" ficam reservados para os testes unitários do projeto',
  'names.dagId': 'o id de uma DAG do Airflow usa só letras, dígitos, "_", "." e "-" (de 1 a 250 caracteres)',
  'names.namespace':
    'um namespace do Kubernetes é um rótulo DNS-1123: letras minúsculas, dígitos e "-", começando e terminando com letra ou dígito, até 63 caracteres',
  'names.secret': 'o nome de um secret do Kubernetes é um subdomínio DNS-1123: letras minúsculas, dígitos, "-" e "."',
  'names.schedule':
    'o agendamento é vazio (a DAG só roda quando disparada), um preset ({presets}) ou uma expressão cron de 5 campos (minuto hora dia mês dia-da-semana; aceita intervalos, passos, nomes, L e #), com um 6º campo opcional de segundos',
  'names.scheduleNoH': '{rule} ("H" não é aceito)',
  'names.envReserved': 'a {name} é definida pela imagem ou pelo gerador (o PRG_NAME indica o script do pod); escolha outro nome',
  'names.envName': 'o nome de uma variável de ambiente tem letras, dígitos e "_", e não começa com dígito',
  'names.quantity': 'uma quantidade do Kubernetes é um número com unidade opcional: 250m ou 0.5 (CPU), 512Mi ou 2Gi (memória)',
  'podsDir.rule':
    'uma pasta dentro do projeto, como caminho relativo de nomes feitos de letras, dígitos, "_", "." e "-", separados por "/" (sem "..", sem "/" ou "." no começo, sem espaços nem aspas)',
  'podsDir.tooLong': 'no máximo 200 caracteres',
  'podsDir.dags': 'dags/ guarda a DAG gerada; mantenha os scripts numa pasta própria',
  'podsDir.tests': 'tests/ guarda os testes gerados; mantenha os scripts numa pasta própria',

  // Docker: step headers, failures, hints, summary (src/docker)
  'docker.failed': '{step}: falhou.',
  'docker.said': 'o docker disse: {message}',
  'docker.whatToDo': 'O que fazer: {hint}',
  'docker.retryWith': 'Tente de novo com: {command}',
  'docker.step.check': 'Verificação do Docker',
  'docker.step.checkBuildx': 'Verificação do buildx',
  'docker.step.build': 'Build da imagem',
  'docker.step.buildx': 'Build da imagem com o buildx',
  'docker.step.inspect': 'Inspeção da imagem',
  'docker.step.push': 'Envio de {image}',
  'docker.step.tag': 'Tag da imagem',
  'docker.step.pushing': 'Envio',
  'docker.step.building': 'Build',
  'docker.advice.cli-missing':
    'o comando docker não está instalado ou não está no PATH. Instale o Docker (https://docs.docker.com/get-docker/) e confira com `docker --version`.',
  'docker.advice.daemon-down':
    'o engine do Docker (o daemon) não está rodando. Abra o Docker Desktop, ou rode `sudo systemctl start docker` no Linux, e confira com `docker info`.',
  'docker.advice.no-permission':
    'o seu usuário não tem permissão para usar o Docker: coloque-o no grupo docker (`sudo usermod -aG docker $USER` e entre de novo na sessão) ou use sudo.',
  'docker.advice.base-image':
    'não foi possível baixar a imagem base: confira a sua rede (o primeiro build baixa a python:<versão>-slim) e se a versão do --python existe como python:<versão>-slim.',
  'docker.advice.not-logged-in': 'você não fez login no registry: rode `{login}` e envie de novo.',
  'docker.advice.push-denied':
    'o registry recusou o envio: confira se o --repository é a sua conta ou a sua organização, e se o `{login}` usou uma conta com permissão de envio ali.',
  'docker.advice.registry-unreachable':
    'não foi possível alcançar o registry: confira o endereço no --repository, a sua rede e se o registry está rodando.',
  'docker.advice.buildx-missing':
    'construir para outra plataforma exige o Docker buildx: instale o plugin docker-buildx (o Docker Desktop já tem; no Debian/Ubuntu, `apt-get install docker-buildx`) e confira com `docker buildx version`.',
  'docker.advice.disk-full': 'o disco está cheio: libere espaço, por exemplo com `docker system prune`.',
  'docker.advice.pod-shadows-module':
    'o script de pod que o docker aponta acima tem o nome de um módulo que a imagem instala (um pacote, ou o pip da imagem base), e todos os scripts importariam o pod no lugar dele. Dê outro nome ao job: `pod-ingestion pod NOME_job` com as mesmas configurações, `pod-ingestion remove NOME --delete-script`, e construa a imagem de novo.',
  'docker.advice.other': 'leia a mensagem do docker acima, corrija o que ela aponta e rode o mesmo comando de novo.',
  'docker.noRepository':
    '{image} não tem repositório: é uma imagem só local e não há para onde enviá-la. Defina um (no Docker Hub, o seu nome de usuário) com `pod-ingestion --repository <usuario> --force` nesta pasta e publique de novo.',
  'docker.severalPlatforms':
    'uma imagem para várias plataformas ({platforms}) não pode ser carregada no engine local; acrescente --push para enviá-la ao registry, ou indique uma plataforma só.',
  'summary.image': 'Imagem:  {image}',
  'summary.id': 'Id:      {id}',
  'summary.size': 'Tamanho: {megabytes} MB',
  'summary.pushed': 'Enviada: {digest}',
  'summary.noDigest': '(o registry não informou o digest)',
  'summary.notPushed': 'Enviada: não (imagem local)',
  'summary.time': 'Tempo:   {seconds} s',

  // Commands: their messages, prompts and the answers file (src/generators, src/bin)
  'rule.oneOf': 'um destes: {choices}',
  warning: 'Aviso: {message}',
  cancelled: 'cancelado, nada foi gravado',
  unexpected: 'pod-ingestion: erro inesperado: {message}',
  unexpectedHelp: 'Isto é um bug do pod-ingestion. Rode o comando de novo com --debug para ver onde aconteceu e informe essa saída.',
  'bin.unknownOptions': '{command} não conhece {options}. Nada foi gravado. Veja as opções em `{command} --help`.',
  'project.missing':
    'esta pasta não é um projeto do pod-ingestion (não tem um .yo-rc.json com as respostas); rode o comando dentro de um projeto criado pelo `pod-ingestion`',
  'project.cycle': 'as dependências dos pods formam um ciclo ({cycle}); corrija o "after" no .yo-rc.json',
  'project.unreadable': 'o arquivo precisa ser um JSON legível ({reason})',
  'files.keptYours': 'mantido o seu {path}',
  'files.keptDiffers': 'mantido o seu {path} (ele difere do modelo; --force substitui)',
  'answers.unreadable': 'o arquivo de respostas precisa ser um JSON legível ({reason})',
  'answers.notObject': 'o arquivo de respostas contém um único objeto JSON, com os nomes das opções como chaves',
  'answers.unknownKeys': 'chaves desconhecidas {keys}; as chaves são os nomes das opções: {names}',
  'answers.source': '"{key}" do arquivo de respostas',
  'answers.boolean': 'uma resposta sim/não se escreve true ou false, sem aspas',
  'answers.number': 'um número perde a forma escrita (3.10 vira 3.1, 1.0 vira 1)',
  'answers.list': 'uma lista não é texto',
  'answers.notText': 'um valor {type} não é texto',
  'answers.writeAsString': '{hint}: escreva como uma string JSON, entre aspas, por exemplo "3.10"',
  'answers.writeAsStringOrList': '{hint}: escreva como uma string JSON, entre aspas, ou uma lista de strings, por exemplo "3.10"',
  'prompt.advanced': 'Ajustar mais configurações?',
  'prompt.advancedKubernetes': 'Ajustar as configurações do Kubernetes (política e secret de pull, novas tentativas, recursos, conexão)?',
  'prompt.keep': 'Manter {name}: {values}?',
  'prompt.repeatFirst': '{message} (uma por resposta; vazio para terminar)',
  'prompt.repeatMore': '{message} ({count} até agora; vazio para terminar)',
  'app.emptyDestination': 'um destino vazio gravaria na pasta atual; indique uma pasta, ou "." para esta',
  'app.destinationSource': 'o argumento de destino',
  'app.requirementsUnreadable': 'não foi possível ler o arquivo ({reason})',
  'app.written': 'Projeto gravado em {folder}',
  'app.next': 'Próximo passo: {command}',
  'package.replaced': '{before} trocado por {after} no requirements.txt',
  'package.added': '{spec} acrescentado ao requirements.txt',
  'package.unchanged': 'o requirements.txt já tem esses pacotes; nada mudou',
  'pod.added': 'Acrescentados {script} e a tarefa {name}{after} em {dag}.',
  'pod.after': ' depois de {names}',
  'pod.updated': 'Tarefa {name} atualizada em {dag} (agora roda {when}); {script} e o teste dele são seus e ficaram como estavam.',
  'pod.runsAfter': 'depois de {names}',
  'pod.runsFirst': 'primeiro',
  'publish.bumped': 'Versão {before} -> {after}: .yo-rc.json, {dag} e README.md atualizados.',
  'remove.removed': 'Tarefa {name} removida de {dag}.',
  'remove.rewired': '  {name} agora roda {when}.',
  'remove.deleted': 'Apagados: {files}.',
  'remove.and': ' e ',
  'remove.kept': 'Mantidos {script} e tests/test_{name}.py (código seu; --delete-script apaga).',
  'run.confBoth': 'use --conf ou --conf-file, não os dois',
  'run.confUnreadable': 'o arquivo precisa ser legível ({reason})',

  // --help
  'help.usage': 'Uso: {usage}',
  'help.options': 'Opções:',
  'help.default': 'padrão: {value}',
  'help.empty': '(vazio)',
  'help.value': 'VALOR',
  'help.valueRepeatable': 'VALOR (pode repetir)',
  'help.common':
    'Opções comuns:\n  --force  sobrescreve arquivos existentes sem perguntar\n  --debug  num erro inesperado, mostra a pilha (ou defina DEBUG=pod-ingestion)\n  --help   este texto\n  --version',
  'help.subcommands': 'Subcomandos (dentro de um projeto gerado): {names}; `pod-ingestion <sub> --help`.',
  'help.app.usage': 'pod-ingestion [destino] [opções]',
  'help.app.title': 'Gera um projeto: Dockerfile, requirements.txt, run_in_docker.sh, pods/ e uma DAG do Airflow.',
  'help.pod.usage': 'pod-ingestion pod NOME [--update] [opções]   (dentro de um projeto)',
  'help.pod.title':
    'Acrescenta pods/NOME.py e a tarefa KubernetesPodOperator dele na DAG; com --update, muda as configurações de um pod que já existe.',
  'help.remove.usage': 'pod-ingestion remove NOME [--rewire] [--delete-script]   (dentro de um projeto)',
  'help.remove.title': 'Remove da DAG a tarefa de um pod; o script e o teste dele ficam, a não ser com --delete-script.',
  'help.package.usage': 'pod-ingestion package SPEC... (dentro de um projeto)',
  'help.package.title': 'Acrescenta requisitos PEP 508 ao requirements.txt; um pacote que já está na lista é substituído.',
  'help.publish.usage': 'pod-ingestion publish [opções] (dentro de um projeto)',
  'help.publish.title': 'Constrói a imagem indicada no .yo-rc.json e, com --push, envia para o registry.',
  'help.run.usage': 'pod-ingestion run [TAREFA...] [opções] (dentro de um projeto)',
  'help.run.title': 'Roda o pipeline no engine Docker local, cada tarefa num contêiner da imagem, como o Airflow faria.',
  'help.graph.usage': 'pod-ingestion graph [--format mermaid|text] (dentro de um projeto)',
  'help.graph.title': 'Mostra o pipeline do .yo-rc.json: um fluxograma Mermaid ou uma árvore indentada.',
  'help.adopt.usage': 'pod-ingestion adopt [--dag ARQUIVO] [opções] (num projeto feito à mão)',
  'help.adopt.title':
    'Traz para o gerador um projeto PRG_NAME feito à mão: lê a DAG antiga e escreve o .yo-rc.json, uma DAG nova e os arquivos gerados; nunca altera os seus scripts nem a DAG antiga.',
  'help.doctor.usage': 'pod-ingestion doctor       (em qualquer pasta de projeto)',
  'help.doctor.title':
    'Aponta problemas conhecidos (Dockerfile, run_in_docker.sh, requirements.txt, APIs removidas do Airflow, nomes de imagem) com arquivo, linha e correção; não altera nada. Sai com 1 quando encontra algo.',
  'help.true': 'sim',
  'help.false': 'não',

  // The pipeline, pod settings, packages
  'pipeline.afterItself': 'um pod não pode rodar depois de si mesmo (isso é um ciclo)',
  'pipeline.unknownUpstream': 'não há pod com esse nome; o projeto tem: {names}',
  'pipeline.cycle': 'as dependências formam um ciclo: {cycle}',
  'pipeline.exists': 'o projeto já tem um pod "{name}" (pods/{name}.py); cada nome de pod é único',
  'pipeline.existsSuggestion': 'pod-ingestion pod {name} --update (muda as configurações dele)',
  'pipeline.noSuchPod': 'o projeto não tem pod com esse nome; ele tem: {names}',
  'pipeline.hasDependentsOne': '{names} roda depois dele; remova esse pod antes, ou acrescente --rewire para que ele passe a {instead}',
  'pipeline.hasDependentsMany':
    '{names} rodam depois dele; remova esses pods antes, ou acrescente --rewire para que eles passem a {instead}',
  'pipeline.runAfter': 'rodar depois de {names}',
  'pipeline.runFirst': 'rodar primeiro',
  'pods.atLeastOne': 'é preciso pelo menos um script de pod',
  'pods.once': 'cada nome de pod uma vez só',
  'rule.wholeNumber': 'um número inteiro de {min} a {max}',
  'app.connId': 'o id de uma conexão do Airflow usa letras, dígitos, "_", "." e "-"',
  'app.packagesOrRequirements': 'use --packages ou --requirements, não os dois',
  'publish.bumpOrTag': 'use --bump ou --tag, não os dois',
  'publish.noVersion': 'a tag atual {tag} não tem número de versão para subir; use --tag',
  'settings.envForm': 'um valor de --env tem a forma CHAVE=VALOR',
  'settings.oneLine': 'um valor é uma linha só, sem caracteres de controle',
  'settings.defaultOneLine': 'um valor padrão é uma linha só, sem caracteres de controle',
  'settings.secretForm': 'um valor de --secret tem a forma SECRET:/caminho/de/montagem',
  'settings.mountPath': 'o caminho de montagem é um caminho absoluto de letras, dígitos, ".", "_", "-" e "/", sem trechos ".." (nem ".")',
  'settings.mountCovers':
    'um secret montado em {path} cobriria {covered}, de que a imagem precisa (os scripts em /app, o /run_in_docker.sh, pastas do sistema); monte em /var/secrets ou /etc/secrets',
  'settings.description': 'uma descrição é uma linha só, de até 300 caracteres',
  'settings.envOnce': 'cada variável é definida uma vez só, por --env ou por --param',
  'settings.mountOnce': 'cada caminho de montagem é usado uma vez só',
  'requirements.pep508': 'cada requisito é um especificador PEP 508, como pandas==2.2.3, "pyarrow>=14,<20" ou requests',
  'requirements.noOptions': '{rule}; opções do pip e inclusões -r/-c não são aceitas aqui',
  'requirements.pep440': '"{version}" não é uma versão PEP 440 (como 2.2.3, 1.0rc1, 2024.1)',
  'requirements.localVersion': 'uma versão local como "{version}" só funciona com == ou !=',
  'requirements.compatible': 'o "~=" precisa de pelo menos dois números de versão ("~={version}.0"), compatible release da PEP 440',
  'requirements.alreadyListed': 'o pacote já está na lista como {earlier}; cite cada pacote uma vez só',
  'requirements.empty': 'um requisito não pode ser vazio',
  'requirements.pipOptions': 'opções do pip vão num arquivo de requisitos (--requirements ARQUIVO), não numa lista de pacotes',
  'requirements.comment': 'um requisito não tem comentário "#"',

  // pod-ingestion run
  'run.refused.one': 'Nada foi executado: um problema.',
  'run.refused.many': 'Nada foi executado: {count} problemas.',
  'run.confNoKey': 'o conf não tem "{key}" (o Airflow falharia a tarefa); passe no --conf',
  'run.noParam': 'a DAG não tem o param "{name}"',
  'run.paramNoValue': 'o param "{name}" não tem valor padrão e o conf não informa',
  'run.onlyTemplates': 'uma execução local só renderiza ds, ds_nodash, logical_date, ts, run_id, dag_run.conf[...] e params.X',
  'run.noStatements': 'comandos ({% %}) e comentários ({# #}) do Jinja não são renderizados numa execução local',
  'run.confJson': 'o conf é um JSON ({reason})',
  'run.confObject': 'o conf é um único objeto JSON, com os nomes dos params como chaves',
  'run.logicalDate': 'uma data real, escrita AAAA-MM-DD',
  'run.setForm': 'um valor de --set tem a forma TAREFA:CHAVE=VALOR ou CHAVE=VALOR',
  'run.mountForm': 'um valor de --mount tem a forma HOST:CONTÊINER, com o caminho do contêiner absoluto (não /) e sem ".."',
  'run.noTask': 'não há tarefa com esse nome; o pipeline tem: {names}',
  'run.setNoTask': 'não há tarefa "{task}"; o pipeline tem: {names}',
  'run.setNoVar': 'nenhuma tarefa desta execução tem a variável {key} (o --set troca um valor, não acrescenta)',
  'run.orSet': '{problem}; ou passe o valor com --set {task}:{name}=VALOR',
  'run.needsParam': "a tarefa {task} precisa do param {name}, que não tem valor padrão: passe no --conf '{example}'",
  'run.needsSecretsDir':
    'a tarefa {task} monta o secret {secret} em {path}: passe --secrets-dir DIR com os arquivos do secret em DIR/{secret}/',
  'run.noSecretFolder':
    'a tarefa {task} monta o secret {secret}, mas não existe a pasta {folder}: coloque ali os arquivos do secret (um arquivo por chave)',
  'run.step.findImage': 'Busca da imagem',
  'run.step.mount': 'Preparação do --mount',
  'run.noImage':
    '{image} não está no engine local, e o --no-build diz para não construir: rode `pod-ingestion publish` (ou rode sem --no-build).',
  'run.imageOlder': '{image} está mais velha que os arquivos do projeto: construindo antes.',
  'run.imageMissing': '{image} ainda não foi construída: construindo antes.',
  'run.mountIsFile': '{folder} é um arquivo; o --mount recebe uma pasta.',
  'run.mountNotWritable':
    'o usuário da imagem precisa poder gravar em {folder}: dê permissão de escrita ao grupo (`chmod g+rwxs {folder}`) como dono da pasta e rode de novo.',
  'run.started': 'Execução {run}: {tasks} com {image}, data lógica {date}',
  'run.interrupted': 'Interrompida: os contêineres da execução foram parados e removidos.',
  'run.notAllSucceeded': 'Nem todas as tarefas terminaram com sucesso; os logs estão em .pod-ingestion/runs/{run}/.',
  'run.interrupting': '--- interrompida: removendo os contêineres da execução',

  // Managed blocks, options given twice, the text tree of graph
  'managed.blockOf': 'o bloco "{block}" de {file}',
  'managed.and': ' e ',
  'managed.editedOne': '{blocks} foi editado à mão. O gerador reescreve esse bloco a partir do .yo-rc.json, então a edição se perderia:',
  'managed.editedMany':
    '{blocks} foram editados à mão. O gerador reescreve esses blocos a partir do .yo-rc.json, então as edições se perderiam:',
  'managed.wayOut':
    'Nada foi gravado. Leve a mudança para fora dos marcadores "pod-ingestion managed" (ou faça a mudança pelo comando, por exemplo `pod-ingestion pod NOME --update`), ou rode o comando de novo com --force para substituir o bloco editado.',
  'managed.fromConfig': '{file}, bloco "{block}", a partir do .yo-rc.json',
  'managed.asGenerated': '{file}, bloco "{block}", como foi gerado da última vez',
  'managed.asEdited': '{file}, bloco "{block}", como foi editado',
  'options.givenTwice': 'aparece mais de uma vez ({before}, depois {value}); a opção recebe um valor só, então passe uma vez',
  'graph.after': '(depois de {names})',
  'graph.seeAbove': '(veja acima)',

  // Choice labels of the prompts
  'choice.Always': 'Always: baixa a imagem toda vez que um pod inicia (uma tag enviada de novo é usada)',
  'choice.IfNotPresent': 'IfNotPresent: baixa só quando o nó ainda não tem a imagem',
  'choice.Never': 'Never: nunca baixa; a imagem já precisa estar no nó',
  'choice.delete_pod': 'delete_pod: apaga o pod quando ele termina',
  'choice.delete_succeeded_pod': 'delete_succeeded_pod: apaga só quando deu certo (o que falhou fica para investigar)',
  'choice.keep_pod': 'keep_pod: mantém todos os pods',
  'requirements.parseAt': 'erro de sintaxe na coluna {column}',
  'managed.markersMissing':
    '{file}: o bloco "{block}" entre "{start}" e "{end}" sumiu ou está incompleto, então o gerador não consegue separar a parte dele da sua. Restaure as duas linhas de marcação, ou reescreva o arquivo inteiro com --force.',
  'run.tableHeader': 'tarefa estado duração saída tentativas log',
};
